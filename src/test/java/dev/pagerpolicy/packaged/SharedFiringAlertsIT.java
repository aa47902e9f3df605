package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagerpolicy.testing.FeatureStoreOutage;
import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage of a feature store, told to the service that decides what follows, by two replicas sharing one real
 * Redis: an outage decided by one explains a model alert decided by the other, and decisions go on, saying so, when
 * Redis goes away. One replica alone keeps what is firing in memory: {@code PackagedServiceLifeIT}.
 */
class SharedFiringAlertsIT {
    private static String reasons(JsonNode decision) {
        return decision.path("reasons").toString();
    }

    @Test
    void twoReplicasShareOneRedisAndDecideWithoutItWhenItGoes(@TempDir Path work) throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        assumeTrue(Files.isExecutable(redisServer), "redis-server is not installed (apt-get install redis-server;"
                + " .ci/run installs it)");
        Packs.copyShipped(work);
        FeatureStoreOutage.addTo(work);
        int redisPort = PackagedApp.freePort();
        Process redis = new ProcessBuilder(List.of(redisServer.toString(), "--port", String.valueOf(redisPort),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
        String[] shared = {"-Dpager-policy.correlation.store=redis",
                "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort};
        try (PackagedApp first = PackagedApp.start(work.resolve("first-replica"), work, "256m", shared);
             PackagedApp second = PackagedApp.start(work.resolve("second-replica"), work, "256m", shared)) {
            assertThat(first.awaitReady()).as("ready; it said:%n%s", first.said()).isTrue();
            assertThat(second.awaitReady()).as("ready; it said:%n%s", second.said()).isTrue();

            assertThat(first.decide(FeatureStoreOutage.DOWN).path("action").asText()).isEqualTo("page");
            JsonNode explained = second.decide(FeatureStoreOutage.RECOMMENDATIONS_DEGRADED);
            assertThat(explained.path("target").path("team").asText()).isEqualTo("platform-sre");
            assertThat(explained.path("action").asText()).isEqualTo("notify");
            assertThat(reasons(explained)).contains("while feature-store is down");

            redis.destroy();
            redis.waitFor();
            JsonNode without = second.decide(FeatureStoreOutage.recommendationsDegraded("recs-degraded-again"));
            assertThat(without.path("action").asText()).as("decided as if nothing fired").isEqualTo("page");
            assertThat(without.path("reasons").get(0).path("rule").asText()).isEqualTo("correlation");
            assertThat(without.path("reasons").get(0).path("explanation").asText())
                    .startsWith("the alerts still firing could not be read (Redis at redis://127.0.0.1:" + redisPort);
            Poll.until("the second replica ready, and degraded", () -> second.managementStatus("/q/health/ready") == 200
                    && second.managementBody("/q/health/ready").contains("\"degraded\""));
        } finally {
            redis.destroyForcibly();
        }
    }
}
