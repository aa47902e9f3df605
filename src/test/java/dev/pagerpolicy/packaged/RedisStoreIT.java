package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagerpolicy.testing.FeatureStoreOutage;
import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firing alerts in a real Redis as the service keeps them: a resolved alert leaves its service's set, and what
 * the service did not write under its keys (garbage, a huge value, another type) is skipped and counted, never an
 * error of a decision, never a page silenced.
 */
class RedisStoreIT {
    private static final Path SERVER = Path.of("/usr/bin/redis-server");
    private static final Path CLI = Path.of("/usr/bin/redis-cli");
    private static final String SET = "pager-policy:firing:service:feature-store";

    private static String cli(int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return said;
    }

    @Test
    void resolvedAlertsLeaveTheSetAndWhatTheServiceDidNotWriteIsSkippedAndCounted(@TempDir Path work)
            throws Exception {
        assumeTrue(Files.isExecutable(SERVER) && Files.isExecutable(CLI), "redis-server is not installed (apt-get"
                + " install redis-server; .ci/run installs it)");
        Packs.copyShipped(work);
        FeatureStoreOutage.addTo(work);
        int port = PackagedApp.freePort();
        Process redis = new ProcessBuilder(List.of(SERVER.toString(), "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
        try (PackagedApp app = PackagedApp.start(work.resolve("app"), work, "256m",
                "-Dpager-policy.correlation.store=redis", "-Dquarkus.redis.hosts=redis://127.0.0.1:" + port)) {
            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();
            long far = System.currentTimeMillis() + 3_600_000;
            // Under the service's keys, listed in the feature store's set: garbage, a value of 2 MB, a hash.
            cli(port, "SET", "pager-policy:firing:alert:garbage", "{not json");
            cli(port, "SETRANGE", "pager-policy:firing:alert:huge", "1999999", "x"); // 2 MB, zeros then x
            cli(port, "HSET", "pager-policy:firing:alert:hash", "field", "value");
            for (String member : List.of("garbage", "huge", "hash")) {
                cli(port, "ZADD", SET, String.valueOf(far), member);
            }

            assertThat(app.decide(FeatureStoreOutage.DOWN).path("action").asText()).isEqualTo("page");
            JsonNode explained = app.decide(FeatureStoreOutage.RECOMMENDATIONS_DEGRADED);
            assertThat(explained.path("action").asText()).as("the real outage explains it").isEqualTo("notify");
            assertThat(explained.path("reasons").toString()).contains("while feature-store is down")
                    .doesNotContain("could not be read");
            assertThat(app.managementBody("/q/metrics")).containsPattern(
                    "pager_policy_correlation_skipped_total(\\{[^}]*})? [3-9]");

            assertThat(cli(port, "ZRANGE", SET, "0", "-1").lines()).contains("id feature-store-down (outage of feature-store)");
            app.decide(FeatureStoreOutage.DOWN.replace("\"firedAt\"", "\"status\": \"resolved\", \"firedAt\""));
            assertThat(cli(port, "ZRANGE", SET, "0", "-1").lines()).as("resolved: gone from the set too")
                    .doesNotContain("id feature-store-down (outage of feature-store)");
        } finally {
            redis.destroyForcibly();
            redis.waitFor();
        }
    }
}
