package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack the gate refuses stops the packaged service at start-up, saying which file and line, without a stack trace:
 * a pod that crash-loops tells its operator why in its log.
 */
class RefusedStartIT {
    @Test
    void rulesThatFailTheGateStopTheProcessNamingTheFileAndLine(@TempDir Path work) throws Exception {
        Packs.copyShipped(work);
        Packs.write(work.resolve("rules/broken.drl"), """
                package broken

                rule "Misses its end"
                when
                    eval(true)
                then
                """);
        try (PackagedApp app = PackagedApp.start(work, "256m")) {
            assertThat(app.process().waitFor(5, TimeUnit.MINUTES)).as("stopped; it said:%n%s", app.said()).isTrue();
            assertThat(app.process().exitValue()).isEqualTo(1);
            assertThat(app.said()).contains("pager-policy cannot start: the rules or policies are invalid",
                    work.resolve("rules/broken.drl") + ":").doesNotContain("\tat dev.pagerpolicy");
        }
    }
}
