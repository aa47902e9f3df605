package dev.pagerpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Clients decide in a loop while the rules are reloaded again and again, good and broken changes
 * alternating: no request fails, and every decision carries a version that was active.
 */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class ReloadUnderLoadTest {
    private static final Pattern VERSION = Pattern.compile("\"policyVersion\":\"([0-9a-f]+)\"");
    private static final int CLIENTS = 4;

    @TestHTTPResource("/v1/decide")
    URL decideUrl;

    /**
     * Asks for a reload and polls the rule set until it has ended: how long the gate takes on a busy machine is
     * not this test's business. The attempt, as {@code lastReload} shows it.
     */
    private static Map<String, Object> reload() {
        int id = TempPackProfile.as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload")
                .then().statusCode(202).extract().path("id");
        Poll.until("reload " + id + " ended", () -> {
            Map<String, Object> last = lastReload();
            return last != null && ((Number) last.get("id")).intValue() >= id;
        });
        return lastReload();
    }

    private static Map<String, Object> lastReload() {
        return TempPackProfile.asDecider().get("/v1/ruleset").then()
                .statusCode(200).extract().path("lastReload");
    }

    private static String succeeded(Map<String, Object> attempt) {
        assertThat(attempt.get("result")).as("%s", attempt).isIn("success", "unchanged");
        return (String) attempt.get("version");
    }

    private static void failed(Map<String, Object> attempt) {
        assertThat(attempt.get("result")).as("%s", attempt).isEqualTo("failed");
    }

    @Test
    void noRequestFailsAndEveryDecisionCarriesAnActiveVersion() throws Exception {
        TempPackProfile.restoreShipped();
        succeeded(reload());
        Set<String> activeVersions = ConcurrentHashMap.newKeySet();
        activeVersions.add(TempPackProfile.asDecider().get("/v1/ruleset").then().extract().path("version"));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decisions = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<String> versionsSeen = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> decideUntilStopped(running, decisions, failures, versionsSeen));
            client.start();
            clients.add(client);
        }

        // A good change, a broken rule, back to the shipped pack, a broken policy: each kind of reload once, the
        // clients deciding throughout.
        Path dir = TempPackProfile.dir();
        Packs.useTenMinuteTier2Acks(dir);
        activeVersions.add(succeeded(reload()));
        Packs.edit(dir.resolve("rules/service-health.drl"), "DecisionDraft( undecided )\nthen", "DecisionDraft( undecided \nthen");
        failed(reload());
        TempPackProfile.restoreShipped();
        activeVersions.add(succeeded(reload()));
        Packs.edit(dir.resolve("policies/services.yaml"), "onCallTeam: analytics-dev", "onCallTeam: sre-db");
        failed(reload());
        TempPackProfile.restoreShipped();
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(failures).isEmpty();
        assertThat(decisions.get()).isGreaterThan(100);
        assertThat(activeVersions).hasSize(2);
        assertThat(Set.copyOf(versionsSeen)).isSubsetOf(activeVersions).hasSize(2);
    }

    private void decideUntilStopped(AtomicBoolean running, AtomicInteger decisions, Queue<String> failures,
                                    Queue<String> versionsSeen) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(decideUrl.toURI())
                    .header("Content-Type", "application/json")
                    .header("Authorization", TempPackProfile.bearer(TempPackProfile.DECIDE_KEY))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"kind": "outage", "severity": "critical", "service": "recommendations"}"""))
                    .build();
        } catch (java.net.URISyntaxException e) {
            failures.add(e.toString());
            return;
        }
        while (running.get()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher version = VERSION.matcher(response.body());
                if (response.statusCode() != 200 || !version.find() || response.body().contains("\"fallback\":true")) {
                    failures.add(response.statusCode() + " " + response.body());
                } else {
                    versionsSeen.add(version.group(1));
                    decisions.incrementAndGet();
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }
}
