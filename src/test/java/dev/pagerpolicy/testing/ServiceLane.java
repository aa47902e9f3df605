package dev.pagerpolicy.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that uses the service's Quarkus app (one for all its test classes, whose state they change) or what the
 * app shares with the rest of the test JVM: the loggers, and the {@code pager-policy.*} system properties it reads when
 * it starts. These classes run one at a time; every other class runs beside them (the surefire configuration in
 * pom.xml), unless it changes those settings ({@link ChangesServiceSettings}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(ServiceLane.APP)
@ResourceLock(value = ServiceLane.SETTINGS, mode = ResourceAccessMode.READ)
public @interface ServiceLane {
    String APP = "the service's app and loggers";
    /** What the service and the commands read their settings from besides their files and options. */
    String SETTINGS = "the pager-policy.* system properties";
}
