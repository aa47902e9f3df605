package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service listens while its first rule set is in the gate: probes see it alive (so that a long gate is
 * not killed as a start that hangs) but not ready, and alerts are answered 503 with Retry-After until the set is
 * active. The gate is held by a rule that waits for the service's first 503, not by a slow machine: whatever the
 * machine's speed, the test sees the service while its gate runs. Once ready, the same start shows what the service
 * serves when nothing is configured.
 */
class StartWhileTheGateRunsIT {
    private static final String OUTAGE = """
            {"kind": "outage", "severity": "critical", "service": "checkout-api"}""";

    @Test
    void probesSeeItAliveAndAlertsAreAskedToComeBackWhileTheFirstGateRunsThenItServesItsDefaults(@TempDir Path work)
            throws Exception {
        Packs.copyShipped(work);
        // Rules may not read files or the network, so the rule watches what they can see: the service's own count
        // of answers. It holds the gate until the service has answered a request with 503.
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
        try (PackagedApp app = PackagedApp.start(work, "256m")) {
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

            HttpResponse<String> early = decide(app);
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(early.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(early.body()).contains("\"type\":\"urn:pager-policy:problem:starting\"",
                    "\"detail\":\"the first rule set is still being verified (compile, scenarios, invariants);"
                            + " send again\"");
            assertThat(app.said()).doesNotContain(" active: ").contains("the API answers 503 and readiness DOWN");

            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();
            HttpResponse<String> decided = decide(app);
            assertThat(decided.statusCode()).isEqualTo(200);
            assertThat(decided.body()).contains("\"team\":\"platform-sre\"", "\"action\":\"page\"");
            assertThat(app.managementBody("/q/metrics")).contains("pager_policy_rule_set_info{version=\"");

            // Nothing configured: deciding (above) and reading the rule set are open, reloading is closed until an
            // admin key is set; the API description is served, Swagger UI is not unless turned on.
            assertThat(app.status("/v1/ruleset")).isEqualTo(200);
            HttpResponse<String> reload = app.post("/v1/ruleset/reload", null);
            assertThat(reload.statusCode()).isEqualTo(401);
            assertThat(reload.body()).contains("\"type\":\"urn:pager-policy:problem:unauthorized\"");
            assertThat(app.status("/q/openapi")).isEqualTo(200);
            assertThat(app.status("/q/swagger-ui/")).isEqualTo(404);
        }
    }

    @Test
    void rulesThatFailTheGateStillStopTheProcessNamingTheFileAndLine(@TempDir Path work) throws Exception {
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

    private static HttpResponse<String> decide(PackagedApp app) throws Exception {
        return app.post("/v1/decide", OUTAGE);
    }
}
