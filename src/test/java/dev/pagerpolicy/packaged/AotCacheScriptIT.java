package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/aot-cache.sh, when it cannot record a cache: it says why, and leaves no partial cache behind. */
class AotCacheScriptIT {
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private record Run(int status, String output) {
    }

    private static Run run(Path cache, Map<String, String> environment) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(JAVA_25), "the script records a cache with Java 25 or later");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "bin/aot-cache.sh", cache.toString()))
                .redirectErrorStream(true);
        builder.environment().put("JAVA", JAVA_25.toString());
        builder.environment().putAll(environment);
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes());
        assertThat(script.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(script.exitValue(), output);
    }

    @Test
    void aPortInUseIsNamedAndNoCacheIsLeft(@TempDir Path work) throws Exception {
        Path cache = work.resolve("app.aot");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Run run = run(cache, Map.of("PORT", String.valueOf(taken.getLocalPort())));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("port " + taken.getLocalPort() + " is in use; set PORT to a free one");
        }
        assertThat(cache).doesNotExist();
    }

    @Test
    void aTrainingRunThatFailsLeavesNoPartialCache(@TempDir Path work) throws Exception {
        Path cache = work.resolve("app.aot");
        try (ServerSocket free = new ServerSocket(0)) {
            free.close();
            // A run that fails as it starts, on a setting that is not a duration: the JVM still records what it
            // loaded and assembles a cache as it exits (tens of megabytes), which the script must remove. The client
            // compiler and the serial collector, as the tests' other packaged apps run.
            Run run = run(cache, Map.of("PORT", String.valueOf(free.getLocalPort()), "JAVA_OPTS",
                    "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dpager-policy.evaluation-time-limit=soon"));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("the training run failed")
                    .contains("pager-policy.evaluation-time-limit with the config value \"soon\"")
                    .contains("AOTCache creation is complete");
        }
        assertThat(cache).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }
}
