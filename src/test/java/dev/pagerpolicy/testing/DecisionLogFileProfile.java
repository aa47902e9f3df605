package dev.pagerpolicy.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The shipped pack, with the decision log written by its own thread to a file under target/. */
public class DecisionLogFileProfile implements QuarkusTestProfile {
    public static final Path FILE = Path.of("target", "decision-log-test", "decisions.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pager-policy.decision-log.destination", "file",
                "pager-policy.decision-log.file", FILE.toString());
    }
}
