package dev.pagerpolicy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs the commands, which read the service's settings from the system properties: it runs beside
 * the service's tests (whose profiles' settings its commands, given their pack and cache as options, do not depend
 * on), but not beside a test that changes those settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(value = ServiceLane.SETTINGS, mode = ResourceAccessMode.READ)
public @interface ReadsServiceSettings {
}
