package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run that records the ahead-of-time cache (bin/aot-cache.sh, the Dockerfile): the packaged app,
 * started with {@code pager-policy.training-run=true}, decides through its own HTTP API and exits by itself, 0 when
 * every call succeeded. It runs on the JVM of the build, which records no cache on Java 17; what the run does is
 * the same on every JVM.
 */
class TrainingRunIT {
    @Test
    void thePackagedAppDecidesThroughItsOwnApiAndStops(@TempDir Path work) throws IOException, InterruptedException {
        Path decisions = work.resolve("decisions.log");
        // The shipped pack where it is, its output in work/.
        try (PackagedApp app = PackagedApp.start(work, Path.of("").toAbsolutePath(), "128m",
                "-Dpager-policy.training-run=true", "-Dpager-policy.decision-log.destination=file",
                "-Dpager-policy.decision-log.file=" + decisions)) {
            boolean stopped = app.process().waitFor(3, TimeUnit.MINUTES);
            String log = app.said();
            assertThat(stopped).as("stopped by itself; it said:%n%s", log).isTrue();
            assertThat(app.process().exitValue()).as("exit status; it said:%n%s", log).isZero();
            // The shipped catalog: 4 services × 10 kinds × 5 severities, by night and by day, and 5 severities for each
            // of its 3 models.
            assertThat(log)
                    .contains("training run: 415 alerts decided one by one, a batch and an Alertmanager group; stopping");
        }
        // Every decision of the run was logged and flushed on the way out: 415 single, 3 in the batch, 1 group alert.
        assertThat(Files.readAllLines(decisions)).hasSize(419);
    }
}
