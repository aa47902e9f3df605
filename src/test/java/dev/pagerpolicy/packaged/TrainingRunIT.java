package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.PackagedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Path output = work.resolve("output.log");
        Path decisions = work.resolve("decisions.log");
        List<String> command = new ArrayList<>(PackagedApp.java());
        command.addAll(List.of("-Xmx128m", "-Dpager-policy.training-run=true",
                "-Dquarkus.http.port=" + PackagedApp.freePort(), "-Dquarkus.management.port=" + PackagedApp.freePort(),
                "-Dpager-policy.rule-cache.dir=" + PackagedApp.RULE_CACHE,
                "-Dpager-policy.decision-log.destination=file", "-Dpager-policy.decision-log.file=" + decisions,
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean stopped = app.waitFor(3, TimeUnit.MINUTES);
        if (!stopped) {
            app.destroyForcibly();
        }
        String log = Files.readString(output);
        assertThat(stopped).as("stopped by itself; it said:%n%s", log).isTrue();
        assertThat(app.exitValue()).as("exit status; it said:%n%s", log).isZero();
        // The shipped catalog: 4 services × 10 kinds × 5 severities, by night and by day, and 5 severities for each
        // of its 3 models.
        assertThat(log).contains("training run: 415 alerts decided one by one, a batch and an Alertmanager group; stopping");
        // Every decision of the run was logged and flushed on the way out: 415 single, 3 in the batch, 1 group alert.
        assertThat(Files.readAllLines(decisions)).hasSize(419);
    }
}
