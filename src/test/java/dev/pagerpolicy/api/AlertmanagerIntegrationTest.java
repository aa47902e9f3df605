package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.asDecider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus Alertmanager (Debian package prometheus-alertmanager, installed by .ci/run) on loopback,
 * configured with the receiver of the README: alerts posted to Alertmanager's own API end up decided here.
 */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class AlertmanagerIntegrationTest {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    @TestHTTPResource("/v1/alertmanager")
    URL webhook;

    private Process alertmanager;
    private Path workDir;

    @AfterEach
    void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor();
        }
    }

    @Test
    void alertsPostedToAlertmanagerAreDecided() throws Exception {
        int port = alertmanagerStarted();

        String run = UUID.randomUUID().toString().substring(0, 8);
        String checkout = "CheckoutDown-" + run;
        String odd = "Unlabelled-" + run;
        String drift = "FraudDrift-" + run;
        post(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"), """
                [{"labels": {"alertname": "%s", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                  "annotations": {"summary": "checkout is down"}},
                 {"labels": {"alertname": "%s", "service": "checkout-api"}},
                 {"labels": {"alertname": "%s", "kind": "model_drift", "severity": "high", "service": "fraud-scoring",
                             "model": "fraud-detector"}}]""".formatted(checkout, odd, drift));

        Map<String, Map<String, Object>> decided = awaitDecisions(List.of(checkout, odd, drift));

        assertThat(decided.get(checkout)).containsEntry("action", "page").containsEntry("fallback", false);
        assertThat(decided.get(drift)).containsEntry("action", "automate");
        assertThat(decided.get(odd)).containsEntry("action", "page").containsEntry("fallback", true);
    }

    /** The management interface's root, for the metrics. */
    @TestHTTPResource(value = "/", management = true)
    String management;

    /** A counter of this app, over all its series: {@code metric} and the labels, if any, that follow it. */
    private double counted(String metric) {
        String metrics = io.restassured.RestAssured.given().get(management + "metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Decisions made so far by this app: pager_policy_decisions_total over every action, role and fallback. */
    private double decisionsMade() {
        return counted("pager_policy_decisions_total");
    }

    /**
     * A storm through Alertmanager grouped by alertname and service: each group's notification holds hundreds of
     * alerts, and every one is decided (none truncated, none refused for its size).
     */
    @Test
    void aStormOfFiveThousandAlertsGroupedByNameAndServiceIsDecidedWhole() throws Exception {
        int port = alertmanagerStarted();
        double before = decisionsMade();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> services = List.of("checkout-api", "fraud-scoring", "recommendations");
        int storm = 5_000;
        for (int batch = 0; batch < storm / 500; batch++) {
            List<String> alerts = new java.util.ArrayList<>();
            for (int i = batch * 500; i < (batch + 1) * 500; i++) {
                alerts.add("""
                        {"labels": {"alertname": "Storm-%s-%d", "kind": "latency", "severity": "high",
                                    "service": "%s", "instance": "pod-%d"}}""".formatted(run, i % 6,
                        services.get(i % services.size()), i));
            }
            post(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"), "[" + String.join(",", alerts) + "]");
        }

        Poll.until("all " + storm + " decided", () -> decisionsMade() - before >= storm);
        assertThat(decisionsMade() - before).as("each alert decided once; resends are not decisions").isEqualTo(storm);
    }

    private double truncatedSoFar() {
        return counted("pager_policy_alertmanager_truncated_alerts_total");
    }

    /** Alerts Alertmanager left out of a notification (max_alerts) never arrive: what it says of them is counted. */
    @Test
    void alertsAlertmanagerLeftOutOfANotificationAreCounted() {
        double before = truncatedSoFar();
        asDecider().contentType(io.restassured.http.ContentType.JSON).body("""
                {"version": "4", "groupKey": "{}:{alertname=\\"Big\\"}", "truncatedAlerts": 3, "status": "firing",
                 "receiver": "pager-policy", "alerts": [
                   {"status": "firing", "labels": {"alertname": "Big", "kind": "outage", "severity": "low",
                    "service": "checkout-api"}, "startsAt": "2026-11-25T03:00:00Z"}]}""")
                .post("/v1/alertmanager").then().statusCode(200).body("truncatedAlerts", org.hamcrest.Matchers.equalTo(3));

        assertThat(truncatedSoFar() - before).isEqualTo(3);
    }

    /** A real Alertmanager on a free port, sending to this app; the test is skipped where none is installed. */
    private int alertmanagerStarted() throws Exception {
        assumeTrue(Files.isExecutable(BINARY), "prometheus-alertmanager is not installed (apt-get install"
                + " prometheus-alertmanager); .ci/run installs it");
        int port = freePort();
        startAlertmanager(port);
        return port;
    }

    private void startAlertmanager(int port) throws Exception {
        workDir = Files.createTempDirectory("alertmanager");
        String config = Files.readString(Path.of("src/test/resources/alertmanager/alertmanager.yml"))
                .replace("http://127.0.0.1:8080/v1/alertmanager", webhook.toString())
                .replace("YOUR-DECIDE-KEY", TempPackProfile.DECIDE_KEY);
        Path configFile = Files.writeString(workDir.resolve("alertmanager.yml"), config);
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build();
        Poll.forValue(() -> "alertmanager ready; its log:\n" + log(), () -> {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(alertmanager.isAlive()).as("alertmanager runs; its log: %s", log()).isTrue();
            return null;
        });
    }

    private static void post(URI uri, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager accepted the alerts: %s", response.body()).isEqualTo(200);
    }

    /** Polls this service's recent decisions until each alert name has one (by alertId). */
    private Map<String, Map<String, Object>> awaitDecisions(List<String> alertNames) {
        AtomicReference<Set<String>> decidedSoFar = new AtomicReference<>(Set.of());
        return Poll.forValue(() -> "decided only " + decidedSoFar.get() + " of " + alertNames + "; alertmanager log:\n"
                + log(), () -> {
            List<Map<String, Object>> decisions = asDecider().get("/v1/decisions?limit=1000").then().statusCode(200)
                    .extract().jsonPath().getList("decision");
            Map<String, Map<String, Object>> found = new HashMap<>();
            for (Map<String, Object> decision : decisions) {
                // Decisions of alerts sent without an id (by the tests run before on this app) have no alertId.
                if (decision.get("alertId") instanceof String alertId && alertNames.contains(alertId)) {
                    found.putIfAbsent(alertId, decision);
                }
            }
            decidedSoFar.set(found.keySet());
            return found.keySet().containsAll(alertNames) ? found : null;
        });
    }

    private String log() {
        try {
            return Files.readString(workDir.resolve("alertmanager.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
