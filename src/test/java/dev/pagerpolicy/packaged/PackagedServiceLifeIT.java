package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagerpolicy.testing.FeatureStoreOutage;
import dev.pagerpolicy.testing.MisbehavingRulesProfile;
import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One start of the packaged service, with nothing configured but its rules and policies, followed through its life:
 * it listens while its first rule set is in the gate (alive, not ready, alerts asked to come back), then serves its
 * defaults (alerts still firing kept in memory, reloading closed without an admin key), and stops when told to
 * (SIGTERM, as the kubelet sends) while rules spin in plain Java. One start for all of it: each start of the packaged
 * app costs seconds of CPU. The tests run in order on that one app; each later one first makes sure the gate has
 * ended, so that any of them also runs alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedServiceLifeIT {
    private static final String OUTAGE = """
            {"kind": "outage", "severity": "critical", "service": "checkout-api"}""";
    /** An alert whose decision no test here reads, sent to answer the held gate while it waits. */
    private static final String UNRELATED = """
            {"kind": "latency", "severity": "info", "service": "churn-reports"}""";
    private static final String SPINNING = """
            {"kind": "outage", "severity": "critical", "service": "checkout-api", "labels": {"mood": "spinning"}}""";

    @TempDir
    static Path work;
    private static PackagedApp app;

    /**
     * The shipped pack, with a feature store that recommendations depends on, the misbehaving rules (of which only
     * the one that spins is used here), and a rule that holds the gate until the service has answered a request with
     * 503: whatever the machine's speed, the first test sees the service while its gate runs.
     */
    @BeforeAll
    static void startedOnAPackWhoseGateWaitsForTheFirst503() throws Exception {
        Packs.copyShipped(work);
        FeatureStoreOutage.addTo(work);
        // Its rule "Spins in plain Java" spins for a minute for alerts labelled mood=spinning, deaf to interrupts.
        MisbehavingRulesProfile.addTo(work);
        // Rules may not read files or the network, so the rule watches what they can see: the service's own count
        // of answers.
        Packs.write(work.resolve("rules/held.drl"), """
                package held

                import dev.pagerpolicy.alert.Alert

                rule "Waits until the service has answered a request with 503"
                    salience 100
                when
                    Alert( label("hold") == "gate" )
                then
                    java.time.Instant end = java.time.Instant.now().plusSeconds(600);
                    while (io.micrometer.core.instrument.Metrics.globalRegistry.find("http.server.requests")
                                    .tag("status", "503").timers().isEmpty()
                            && java.time.Instant.now().isBefore(end)) {
                        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                    }
                end
                """);
        Packs.write(work.resolve("rules/tests/held.yaml"), """
                - name: an outage held until the test releases the gate still pages platform-sre
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: critical, service: checkout-api, labels: {hold: gate}}
                  expect: {target: {team: platform-sre}, action: page}
                """);
        app = PackagedApp.start(work, "256m");
    }

    @AfterAll
    static void stopped() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void whileTheFirstGateRunsProbesSeeItAliveAndAlertsAreAskedToComeBack() throws Exception {
        Poll.until("alive", () -> app.managementStatus("/q/health/live") == 200);
        assertThat(app.managementStatus("/q/health/started")).as("the start-up probe").isEqualTo(200);
        assertThat(app.managementStatus("/q/health/ready")).isEqualTo(503);
        // Readiness says which stage runs: compiling first, then the scenarios, where the held one waits.
        String scenarios = Poll.forValue("the gate at its scenarios", () -> {
            String ready = app.managementBody("/q/health/ready");
            return ready.contains("\"stage\": \"running ") ? ready : null;
        });
        assertThat(scenarios).contains("\"starting\": \"the first rule set is still being verified\"")
                .containsPattern("\"stage\": \"running \\d+ scenarios\"").contains("\"stageSince\": \"20");

        HttpResponse<String> early = app.post("/v1/decide", OUTAGE);
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(early.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(early.body()).contains("\"type\":\"urn:pager-policy:problem:starting\"",
                "\"detail\":\"the first rule set is still being verified (compile, scenarios, invariants);"
                        + " send again\"");
        assertThat(app.said()).doesNotContain(" active: ").contains("the API answers 503 and readiness DOWN");
    }

    @Test
    @Order(2)
    void onceReadyItDecidesAndOpensWhatNothingConfiguredOpens() throws Exception {
        ready();
        HttpResponse<String> decided = app.post("/v1/decide", OUTAGE);
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("\"team\":\"platform-sre\"", "\"action\":\"page\"");
        assertThat(app.managementBody("/q/metrics")).contains("pager_policy_rule_set_info{version=\"");

        // Deciding (above) and reading the rule set are open, reloading is closed until an admin key is set; the API
        // description is served, Swagger UI is not unless turned on.
        assertThat(app.status("/v1/ruleset")).isEqualTo(200);
        HttpResponse<String> reload = app.post("/v1/ruleset/reload", null);
        assertThat(reload.statusCode()).isEqualTo(401);
        assertThat(reload.body()).contains("\"type\":\"urn:pager-policy:problem:unauthorized\"");
        assertThat(app.status("/q/openapi")).isEqualTo(200);
        assertThat(app.status("/q/swagger-ui/")).isEqualTo(404);
    }

    /** One replica alone keeps what is firing in memory: an outage decided explains a model alert that follows. */
    @Test
    @Order(3)
    void anOutageStillFiringExplainsTheModelAlertsThatFollowUntilItIsResolved() throws Exception {
        ready();
        JsonNode alone = app.decide(FeatureStoreOutage.recommendationsDegraded("recs-degraded-before"));
        assertThat(alone.path("action").asText()).as("nothing firing: a page").isEqualTo("page");

        assertThat(app.decide(FeatureStoreOutage.DOWN).path("action").asText()).isEqualTo("page");
        JsonNode explained = app.decide(FeatureStoreOutage.RECOMMENDATIONS_DEGRADED);
        assertThat(explained.path("target").path("team").asText()).isEqualTo("platform-sre");
        assertThat(explained.path("action").asText()).isEqualTo("notify");
        assertThat(explained.path("reasons").toString()).contains("while feature-store is down")
                .contains("no ML team is woken");
        // The decision the reason quotes is the outage's, under the id it is recorded by: "why" opens it.
        String quoted = explained.path("reasons").toString().replaceAll("(?s).*, decision ([0-9a-f-]{36})\\).*", "$1");
        assertThat(app.status("/v1/decisions/" + quoted)).as("the quoted decision " + quoted).isEqualTo(200);

        app.decide(FeatureStoreOutage.DOWN.replace("\"firedAt\"", "\"status\": \"resolved\", \"firedAt\""));
        JsonNode afterwards = app.decide(FeatureStoreOutage.recommendationsDegraded("recs-degraded-after"));
        assertThat(afterwards.path("action").asText()).as("resolved: it explains nothing more").isEqualTo("page");
    }

    /**
     * A rule that spins in plain Java cannot be stopped by any time limit; it must not keep the service running past
     * Kubernetes' grace period (30 s), whether it spins in a single decide, a batch or an Alertmanager group.
     */
    @Test
    @Order(4)
    void itStopsOnSigtermWhileRulesSpin() throws Exception {
        ready();
        for (int i = 0; i < 2; i++) {
            Thread client = new Thread(() -> sendIgnoringTheAnswer(SPINNING), "spinning-alert-" + i);
            client.setDaemon(true);
            client.start();
        }
        for (String[] request : new String[][] {{"/v1/decide/batch", "[" + SPINNING + "]"}, {"/v1/alertmanager", """
                {"version": "4", "status": "firing", "receiver": "pager-policy", "alerts": [{"status": "firing",
                 "labels": {"alertname": "Spins", "kind": "outage", "severity": "critical", "service": "checkout-api",
                            "mood": "spinning"}, "startsAt": "2026-11-25T03:00:00Z"}]}"""}}) {
            Thread client = new Thread(() -> postIgnoringTheAnswer(request[0], request[1]), "spinning-" + request[0]);
            client.setDaemon(true);
            client.start();
        }
        // Both spinning: the decision threads are replaced once they are stuck.
        Poll.until("the decision threads held by spinning rules replaced", () -> app.said()
                .contains("decisions are stuck"));
        app.process().destroy(); // SIGTERM
        // Kubernetes' grace period: the worker threads' shutdown waits 10 s (quarkus.thread-pool.shutdown-timeout).
        boolean stopped = app.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(stopped).as("stopped on SIGTERM; it said:%n%s", app.said()).isTrue();
    }

    /**
     * Waits until the first rule set is active, answering the held gate's wait with an alert while it runs (a 503),
     * in case no test before did.
     */
    private static void ready() {
        Poll.until("ready or stopped", () -> {
            sendIgnoringTheAnswer(UNRELATED);
            return !app.process().isAlive() || app.managementStatus("/q/health/ready") == 200;
        });
        assertThat(app.process().isAlive()).as("running; it said:%n%s", app.said()).isTrue();
    }

    /** Sends an alert whatever becomes of it: not listening yet, asked to come back, or stopped before it answers. */
    private static void sendIgnoringTheAnswer(String alert) {
        postIgnoringTheAnswer("/v1/decide", alert);
    }

    private static void postIgnoringTheAnswer(String path, String body) {
        try {
            app.post(path, body);
        } catch (IOException notListeningOrStopped) {
            // Which of them the caller learns otherwise.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
