package dev.pagerpolicy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that uses what the service's Quarkus app shares with the rest of the test JVM: the app itself (one
 * for all its test classes, whose state they change), the {@code pager-policy.*} system properties its profiles set
 * and the commands read, or the loggers. Such classes run one at a time; every other class runs beside them (the
 * surefire configuration in pom.xml), since a test that only compiles and evaluates rules shares nothing with them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock("the service's app and the JVM's settings")
public @interface ServiceLane {
}
