package dev.pagerpolicy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.pagerpolicy.testing.MisbehavingRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Large alerts, rules that throw errors, and a process that runs out of memory: every alert still gets an answer. */
@QuarkusTest
@TestProfile(MisbehavingRulesProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingUnderPressureTest {

    private static String alert(String id, String labels) {
        return """
                {"id": "%s", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z", "labels": {%s}}""".formatted(id, labels);
    }

    @Test
    @Order(1)
    void largeAlertsDoNotAccumulateBeyondTheMemoryBudget() {
        String big = "x".repeat(4000);
        String labels = "\"a\": \"%s\", \"b\": \"%s\", \"c\": \"%s\"".formatted(big, big, big);
        for (int i = 0; i < 300; i++) {
            given().contentType(ContentType.JSON).body(alert("large-" + i, labels))
                    .post("/v1/decide").then().statusCode(200);
        }
        List<String> ids = given().get("/v1/decisions?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("alert.id");
        // 300 alerts of 12 KB are about 7 MiB as held; the buffer keeps 512 KiB and one answer 128 KiB of them.
        assertThat(ids).hasSizeBetween(1, 8);
        assertThat(ids.get(0)).isEqualTo("large-299");
    }

    @Test
    @Order(2)
    void aRuleThatThrowsAnErrorGetsTheFallbackNotA500() {
        given().contentType(ContentType.JSON).body(alert("deep", "\"mood\": \"recursive\""))
                .post("/v1/decide").then().statusCode(200)
                .body("fallback", equalTo(true))
                .body("action", equalTo("page"))
                .body("reasons[0].explanation", containsString("rule \"Recurses without end\" threw StackOverflowError"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(3)
    void runningOutOfMemoryWhileDecidingStillAnswersAndTheProcessStopsLookingAlive() {
        given().contentType(ContentType.JSON).body(alert("greedy", "\"mood\": \"greedy\""))
                .post("/v1/decide").then().statusCode(200)
                .body("fallback", equalTo(true))
                .body("alertId", equalTo("greedy"))
                .body("reasons[0].explanation", containsString("the service ran out of memory while deciding"));
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'serving' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'serving' }.data.reason",
                        containsString("ran out of memory deciding an alert"));
    }
}
