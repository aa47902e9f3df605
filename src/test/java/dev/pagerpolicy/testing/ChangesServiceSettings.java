package dev.pagerpolicy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that sets (or takes away) {@code pager-policy.*} system properties, or the JVM's standard streams: it
 * runs alone among the tests that read them, the service's and the commands'.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(ServiceLane.SETTINGS)
public @interface ChangesServiceSettings {
}
