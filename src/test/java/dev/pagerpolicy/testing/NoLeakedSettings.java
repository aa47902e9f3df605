package dev.pagerpolicy.testing;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Takes the service's settings ({@code pager-policy.*} system properties) out of the test JVM for one test, and puts
 * them back after: the Quarkus test profiles of other test classes leave theirs behind, and the commands read system
 * properties as the service does.
 */
public final class NoLeakedSettings implements BeforeEachCallback, AfterEachCallback {
    private final Map<String, String> aside = new HashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("pager-policy."))
                .forEach(name -> aside.put(name, System.clearProperty(name)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("pager-policy."))
                .forEach(System::clearProperty);
        aside.forEach(System::setProperty);
        aside.clear();
    }
}
