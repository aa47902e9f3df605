package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.asDecider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.pagerpolicy.alert.Fingerprint;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alertmanager's own API, {@code POST /api/v2/alerts}, as Prometheus 2.x posts to it. */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class AlertsApiResourceTest {
    private static String alert(String name, String labels) {
        return """
                {"labels": {"alertname": "%s", %s}, "annotations": {"summary": "%s"},
                 "startsAt": "2026-11-25T03:00:00Z", "endsAt": "2099-01-01T00:00:00Z",
                 "generatorURL": "http://prometheus:9090/graph?g0.expr=up"}""".formatted(name, labels, name);
    }

    @Test
    void alertsArePostedAsToAnAlertmanagerWithTheDecideKeyAsBearerToken() {
        given().contentType(ContentType.JSON).body("[" + alert("Nope", "\"severity\": \"critical\"") + "]")
                .post("/api/v2/alerts").then().statusCode(401);
        asDecider().contentType(ContentType.JSON).body("[" + alert("ApiDown",
                        "\"kind\": \"outage\", \"severity\": \"critical\", \"service\": \"checkout-api\", \"pod\": \"api-1\"")
                        + "," + alert("Unreadable", "\"severity\": \"urgent\"") + "]")
                .post("/api/v2/alerts").then().statusCode(200);

        // Each was decided and recorded: an alert is known by its labels' fingerprint, as in Alertmanager.
        String apiDown = "find { it.decision.alertId == 'ApiDown' }.";
        String unreadable = "find { it.decision.alertId == 'Unreadable' }.";
        asDecider().get("/v1/decisions?limit=2").then().statusCode(200)
                .body(apiDown + "alertKey", equalTo("fingerprint " + Fingerprint.of(Map.of("alertname", "ApiDown",
                        "kind", "outage", "severity", "critical", "service", "checkout-api", "pod", "api-1"))))
                .body(apiDown + "decision.action", equalTo("page"))
                .body(apiDown + "decision.target.team", equalTo("platform-sre"))
                .body(apiDown + "endsAt", equalTo("2099-01-01T00:00:00Z"))
                .body(unreadable + "decision.fallback", equalTo(true))
                .body(unreadable + "decision.reasons[0].explanation", startsWith("the alert could not be read: "));
    }

    @Test
    void aBatchAsLargeAsPrometheusSendsIsAcceptedWhereDecideKeepsItsLimit() {
        String padding = "x".repeat(400);
        String batch = "[" + String.join(",", Collections.nCopies(256, alert("Padded",
                "\"kind\": \"latency\", \"severity\": \"low\", \"service\": \"checkout-api\", \"note\": \"" + padding
                        + "\""))) + "]";
        org.assertj.core.api.Assertions.assertThat(batch.length()).isGreaterThan(64 * 1024);

        asDecider().contentType(ContentType.JSON).body(batch).post("/api/v2/alerts").then().statusCode(200);
        asDecider().contentType(ContentType.JSON).body(batch).post("/v1/decide/batch").then().statusCode(413)
                .body("detail", equalTo("the body is over the limit of 65536 bytes"));
    }

    @Test
    void anUnreadableStartGetsThatAlertTheFallbackNotTheBatchARefusal() {
        asDecider().contentType(ContentType.JSON).body("[" + alert("FineOne", "\"kind\": \"outage\","
                        + " \"severity\": \"low\", \"service\": \"checkout-api\"") + ","
                        + alert("Garbled", "\"kind\": \"outage\", \"severity\": \"low\", \"service\": \"checkout-api\"")
                        .replace("2026-11-25T03:00:00Z", "garbage") + "]")
                .post("/api/v2/alerts").then().statusCode(200);

        asDecider().get("/v1/decisions?limit=2").then().statusCode(200)
                .body("find { it.decision.alertId == 'FineOne' }.decision.fallback", equalTo(false))
                .body("find { it.decision.alertId == 'Garbled' }.decision.fallback", equalTo(true))
                .body("find { it.decision.alertId == 'Garbled' }.decision.reasons[0].explanation", equalTo("the alert"
                        + " could not be read: startsAt \"garbage\" is not an ISO-8601 time such as 2026-11-25T03:00:00Z;"
                        + " the fallback team platform-sre is paged"));
    }

    @Test
    void whatIsNotAListOfAlertsIsRefusedSayingSo() {
        asDecider().contentType(ContentType.JSON).body("{\"labels\": {}}").post("/api/v2/alerts").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
