package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.RealAlertmanager;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pager-policy in the alert path: alerts posted to its Alertmanager API as Prometheus posts them are decided, and each
 * recipient's copy reaches a real Alertmanager, whose routes give it a receiver by {@code pp_action}. While
 * Alertmanager is away the copies are held, and delivered when it is back.
 */
class AlertPathIT {
    private static final String CONFIG = """
            route:
              receiver: nobody
              group_by: ['...']
              routes:
                - {matchers: ['pp_action="page"'], receiver: pages}
                - {matchers: ['pp_action="ticket"'], receiver: tickets}
                - {matchers: ['pp_action="notify"'], receiver: notifications}
            receivers:
              - name: nobody
              - name: pages
              - name: tickets
              - name: notifications
            """;

    /** Alerts as Prometheus sends them: a start, and an end a few evaluation intervals ahead. */
    private static String alert(String name, String labels, Instant startsAt, Instant endsAt) {
        return """
                {"labels": {"alertname": "%s", %s}, "annotations": {"summary": "%s"},
                 "startsAt": "%s", "endsAt": "%s", "generatorURL": "http://prometheus:9090/graph"}"""
                .formatted(name, labels, name, startsAt, endsAt);
    }

    private static final String CHECKOUT_DOWN_LABELS = "\"kind\": \"outage\", \"severity\": \"critical\", \"service\": \"checkout-api\"";
    private static final String RECS_DRIFT_LABELS = "\"kind\": \"model_drift\", \"severity\": \"high\","
            + " \"service\": \"recommendations\", \"model\": \"product-recs\"";
    private static final String CHECKOUT_SLOW_LABELS = "\"kind\": \"latency\", \"severity\": \"critical\", \"service\": \"checkout-api\"";

    private static void posted(PackagedApp app, String... alerts) throws Exception {
        HttpResponse<String> answer = app.post("/api/v2/alerts", "[" + String.join(",", alerts) + "]");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String receivers(JsonNode alert) {
        return alert.path("receivers").findValuesAsText("name").toString();
    }

    /** A real Prometheus (Debian package prometheus, installed by .ci/run) whose rules fire at once, for ever. */
    @Test
    void prometheusSendsToPagerPolicyAndAlertmanagerDeliversByTheDecisions(@TempDir Path work) throws Exception {
        Path prometheus = Path.of("/usr/bin/prometheus");
        assumeTrue(RealAlertmanager.installed() && Files.isExecutable(prometheus), "prometheus and"
                + " prometheus-alertmanager are not both installed (apt-get install prometheus prometheus-alertmanager);"
                + " .ci/run installs them");
        Packs.copyShipped(work);
        try (RealAlertmanager alertmanager = new RealAlertmanager(work.resolve("alertmanager"), CONFIG);
             PackagedApp app = PackagedApp.start(work.resolve("app"), work, "256m",
                     "-Dpager-policy.forward.alertmanagers=" + alertmanager.url())) {
            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();
            Path config = work.resolve("prometheus");
            Files.createDirectories(config);
            Files.writeString(config.resolve("rules.yml"), """
                    groups:
                      - name: pager-policy
                        interval: 1s
                        rules:
                          - alert: CheckoutDown
                            expr: vector(1)
                            labels: {kind: outage, severity: critical, service: checkout-api}
                            annotations: {summary: checkout-api answers nothing}
                          - alert: RecsDrift
                            expr: vector(1)
                            labels: {kind: model_drift, severity: high, service: recommendations, model: product-recs}
                    """);
            Files.writeString(config.resolve("prometheus.yml"), """
                    global: {evaluation_interval: 1s}
                    rule_files: [rules.yml]
                    alerting:
                      alertmanagers:
                        - static_configs:
                            - targets: ['127.0.0.1:%d']
                    """.formatted(app.port()));
            Process server = new ProcessBuilder(List.of(prometheus.toString(),
                    "--config.file=" + config.resolve("prometheus.yml"), "--storage.tsdb.path=" + config.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + PackagedApp.freePort(),
                    // Alerts that fire before Prometheus has found its Alertmanagers are sent on the next resend, a
                    // minute later by default.
                    "--rules.alert.resend-delay=1s"))
                    .redirectErrorStream(true).redirectOutput(config.resolve("prometheus.log").toFile()).start();
            try {
                JsonNode page = Poll.forValue("CheckoutDown from Prometheus in Alertmanager",
                        () -> alertmanager.alert("CheckoutDown"));
                assertThat(page.path("labels").path("pp_team").asText()).isEqualTo("platform-sre");
                assertThat(page.path("labels").path("pp_action").asText()).isEqualTo("page");
                assertThat(page.path("annotations").path("summary").asText()).isEqualTo("checkout-api answers nothing");
                assertThat(receivers(page)).isEqualTo("[pages]");
                JsonNode ticket = Poll.forValue("RecsDrift from Prometheus in Alertmanager",
                        () -> alertmanager.alert("RecsDrift"));
                assertThat(ticket.path("labels").path("pp_action").asText()).isEqualTo("ticket");
                assertThat(receivers(ticket)).isEqualTo("[tickets]");
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    @Test
    void eachRecipientsCopyReachesAlertmanagerAndNothingIsLostWhileItIsAway(@TempDir Path work) throws Exception {
        assumeTrue(RealAlertmanager.installed(), "prometheus-alertmanager is not installed (apt-get install"
                + " prometheus-alertmanager); .ci/run installs it");
        Packs.copyShipped(work);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant end = start.plusSeconds(600);
        try (RealAlertmanager alertmanager = new RealAlertmanager(work.resolve("alertmanager"), CONFIG);
             PackagedApp app = PackagedApp.start(work.resolve("app"), work, "256m",
                     "-Dpager-policy.forward.alertmanagers=" + alertmanager.url())) {
            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();

            posted(app, alert("CheckoutDown", CHECKOUT_DOWN_LABELS, start, end),
                    alert("RecsDrift", RECS_DRIFT_LABELS, start, end));

            JsonNode page = Poll.forValue("CheckoutDown in Alertmanager", () -> alertmanager.alert("CheckoutDown"));
            assertThat(page.path("labels").path("pp_team").asText()).isEqualTo("platform-sre");
            assertThat(page.path("labels").path("pp_action").asText()).isEqualTo("page");
            assertThat(page.path("labels").path("service").asText()).isEqualTo("checkout-api");
            assertThat(page.path("labels").path("pp_decision_id").asText()).matches("[0-9a-f-]{36}");
            assertThat(page.path("annotations").path("summary").asText()).isEqualTo("CheckoutDown");
            assertThat(page.path("annotations").path("pp_ack_within").asText()).isEqualTo("PT5M");
            assertThat(receivers(page)).isEqualTo("[pages]");
            JsonNode ticket = Poll.forValue("RecsDrift in Alertmanager", () -> alertmanager.alert("RecsDrift"));
            assertThat(ticket.path("labels").path("pp_action").asText()).isEqualTo("ticket");
            assertThat(receivers(ticket)).isEqualTo("[tickets]");

            alertmanager.stop();
            posted(app, alert("CheckoutSlow", CHECKOUT_SLOW_LABELS, start, end));
            Poll.until("a failed forward counted", () -> app.managementBody("/q/metrics")
                    .matches("(?s).*pager_policy_forward_failures_total\\{[^}]*} [1-9].*"));
            alertmanager.start();

            // Held while Alertmanager was away, delivered once it is back: checkout-api is already paged, so a notify.
            JsonNode held = Poll.forValue("CheckoutSlow in Alertmanager after its restart",
                    () -> alertmanager.alert("CheckoutSlow"));
            assertThat(held.path("labels").path("pp_action").asText()).isEqualTo("notify");
            assertThat(held.path("labels").path("pp_team").asText()).isEqualTo("platform-sre");
            assertThat(receivers(held)).isEqualTo("[notifications]");

            // Alertmanager keeps alerts in memory: the resend (Prometheus sends every firing alert each minute) brings
            // the others back, with the decisions they had.
            posted(app, alert("CheckoutDown", CHECKOUT_DOWN_LABELS, start, end),
                    alert("RecsDrift", RECS_DRIFT_LABELS, start, end));
            JsonNode again = Poll.forValue("CheckoutDown back", () -> alertmanager.alert("CheckoutDown"));
            assertThat(again.path("labels").path("pp_decision_id").asText())
                    .isEqualTo(page.path("labels").path("pp_decision_id").asText());

            posted(app, alert("CheckoutDown", CHECKOUT_DOWN_LABELS, start, Instant.now().minusSeconds(1)));
            Poll.until("CheckoutDown resolved in Alertmanager", () -> alertmanager.alert("CheckoutDown") == null);
            assertThat(alertmanager.alert("RecsDrift")).as("still firing").isNotNull();
        }
    }
}
