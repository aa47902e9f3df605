package dev.pagerpolicy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class (or test) that uses what the service's Quarkus app shares with the rest of the test JVM: the app
 * itself (one for all its test classes, whose state they change), the {@code pager-policy.*} system properties a
 * starting app reads (and its profiles set while it runs), the standard streams, or the loggers. These run one at a
 * time; every other class runs beside them (the surefire configuration in pom.xml): a test that compiles and
 * evaluates rules, or runs a command with every setting it depends on given as an option, shares nothing with them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock("the service's app and the JVM's settings")
public @interface ServiceLane {
}
