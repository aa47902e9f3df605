package dev.pagerpolicy.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.testing.MisbehavingRulesProfile;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision log written off the request thread, to a file: every decision arrives as one JSON line. (The profile
 * also holds rules that misbehave for alerts labelled {@code mood}, which these alerts are not.)
 */
@ServiceLane
@QuarkusTest
@TestProfile(MisbehavingRulesProfile.class)
class DecisionLogFileTest {
    /** The management interface's root ({@code /q}, on a port of its own); the annotation's path is below it. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    String management;

    @Test
    void eachDecisionIsWrittenToTheFileAsOneJsonLineAndDropsAreCounted() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body("{\"id\": \"to-the-file\", \"kind\": \"outage\", \"severity\": \"high\", \"service\": \"checkout-api\","
                        + " \"firedAt\": \"2026-11-25T03:00:00Z\"}")
                .post("/v1/decide").then().statusCode(200).extract().path("decisionId");

        JsonNode logged = loggedLine(record -> id.equals(record.path("decisionId").asText()));
        assertThat(logged).as("the decision in " + MisbehavingRulesProfile.DECISION_LOG).isNotNull();
        assertThat(logged.path("alert").path("id").asText()).isEqualTo("to-the-file");
        assertThat(logged.path("alertKey").asText()).isEqualTo("id to-the-file (outage of checkout-api)"); // what replay rebuilds firing by
        assertThat(logged.path("decision").path("target").path("team").asText()).isEqualTo("platform-sre");
        given().get(management + "metrics").then().body(containsString("pager_policy_decision_log_dropped_total 0.0"));
    }

    @Test
    void theConsoleFindsInTheLogADecisionThatMemoryNoLongerHolds() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body("{\"id\": \"remembered-by-the-log\", \"kind\": \"outage\", \"severity\": \"high\","
                        + " \"service\": \"checkout-api\", \"labels\": {\"cluster\": \"eu-1\"},"
                        + " \"firedAt\": \"2026-11-25T03:00:00Z\"}")
                .post("/v1/decide").then().statusCode(200).extract().path("decisionId");
        String line = new ObjectMapper().writeValueAsString(
                loggedLine(record -> id.equals(record.path("decisionId").asText())));
        // The same decision as history: in the rotated file, under another id, from before this instance started.
        String older = line.replace(id, "dec-from-last-week").replace("remembered-by-the-log", "last-weeks-alert")
                .replace("eu-1", "eu-2");
        Files.writeString(MisbehavingRulesProfile.DECISION_LOG.resolveSibling("decisions.log.1"), older + "\n");

        given().get("/console/decisions/dec-from-last-week").then().statusCode(200)
                .body(containsString("last-weeks-alert")).body(containsString("platform-sre"));
        given().queryParam("q", "cluster=eu-2").get("/console").then().statusCode(200)
                .body(containsString("/console/decisions/dec-from-last-week"));
        given().queryParam("q", "cluster=eu-1").get("/console").then().statusCode(200)
                .body(containsString("/console/decisions/" + id))
                .body(org.hamcrest.Matchers.not(containsString("dec-from-last-week")));
        given().get("/console/decisions/dec-nowhere").then().statusCode(404);
    }

    /** The first line of the log that matches, once the writer's batch has written it (as long as that takes). */
    private static JsonNode loggedLine(java.util.function.Predicate<JsonNode> wanted) {
        return Poll.forValue("a line of " + MisbehavingRulesProfile.DECISION_LOG + " as wanted", () -> {
            try {
                List<String> lines = Files.exists(MisbehavingRulesProfile.DECISION_LOG)
                        ? Files.readAllLines(MisbehavingRulesProfile.DECISION_LOG) : List.of();
                for (String line : lines) {
                    JsonNode record = new ObjectMapper().readTree(line);
                    if (wanted.test(record)) {
                        return record;
                    }
                }
                return null;
            } catch (IOException e) {
                return null; // a batch being written, or the file being made unwritable by the test: ask again
            }
        });
    }

    @Test
    void whatMakesAnAlertFiringOrResolvedIsLoggedForReplay() throws Exception {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"ends-soon\", \"kind\": \"outage\", \"severity\": \"high\", \"service\": \"checkout-api\","
                        + " \"firedAt\": \"2026-11-25T03:00:00Z\", \"endsAt\": \"2026-11-25T04:00:00Z\"}")
                .post("/v1/decide").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"over\", \"status\": \"resolved\", \"kind\": \"outage\", \"severity\": \"high\","
                        + " \"service\": \"checkout-api\", \"firedAt\": \"2026-11-25T03:00:00Z\"}")
                .post("/v1/decide").then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                {"version": "4", "groupKey": "{}", "status": "resolved", "receiver": "pager-policy", "alerts": [
                  {"status": "resolved", "fingerprint": "ccc333",
                   "labels": {"kind": "outage", "severity": "high", "service": "checkout-api"},
                   "startsAt": "2026-11-25T01:00:00Z", "endsAt": "2026-11-25T02:00:00Z"}]}""")
                .post("/v1/alertmanager").then().statusCode(200);

        JsonNode endsSoon = loggedLine(record -> "ends-soon".equals(record.path("alert").path("id").asText()));
        assertThat(endsSoon.path("endsAt").asText()).isEqualTo("2026-11-25T04:00:00Z");
        assertThat(endsSoon.has("resolved")).isFalse();
        JsonNode over = loggedLine(record -> "over".equals(record.path("alert").path("id").asText()));
        assertThat(over.path("resolved").asBoolean()).isTrue();
        JsonNode resolution = loggedLine(record -> record.has("resolvedAt"));
        // Computed from its labels as Alertmanager computes fingerprints; the one the payload stated is not trusted.
        assertThat(resolution.path("alertKey").asText()).isEqualTo("fingerprint "
                + dev.pagerpolicy.alert.Fingerprint.of(java.util.Map.of("kind", "outage", "severity", "high",
                        "service", "checkout-api")));
        assertThat(resolution.has("decision")).isFalse();
    }

    /** The log says what the rules saw: env=prod is production when the organisation counts it so. */
    @Test
    void anAlertIsLoggedAsProductionWhenItsEnvironmentCountsAsProduction() throws Exception {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"in-prod\", \"kind\": \"outage\", \"severity\": \"high\", \"service\": \"checkout-api\","
                        + " \"environment\": \"prod\"}")
                .post("/v1/decide").then().statusCode(200);

        JsonNode logged = loggedLine(record -> "in-prod".equals(record.path("alert").path("id").asText()));
        assertThat(logged.path("alert").path("environment").asText()).isEqualTo("prod");
        assertThat(logged.path("alert").path("production").asBoolean()).isTrue();
    }

    private void decide(String id) {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"kind\": \"outage\", \"severity\": \"high\", \"service\": \"checkout-api\"}")
                .post("/v1/decide").then().statusCode(200);
    }

    /** The readiness answer, once its decision-log check has the status wanted (as long as that takes). */
    private io.restassured.path.json.JsonPath readinessOnce(String status) {
        return Poll.forValue("the decision-log check " + status, () -> {
            io.restassured.path.json.JsonPath ready = given().get(management + "health/ready").then().extract().jsonPath();
            return status.equals(ready.getString("checks.find { it.name == 'decision-log' }.status")) ? ready : null;
        });
    }

    @Test
    void aLogThatCannotBeWrittenIsNotReadyUntilItCanAgain() throws Exception {
        Files.deleteIfExists(MisbehavingRulesProfile.DECISION_LOG);
        // a directory where the file was: nothing can be written
        Files.createDirectories(MisbehavingRulesProfile.DECISION_LOG);
        try {
            decide("unwritable");
            io.restassured.path.json.JsonPath ready = readinessOnce("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'decision-log' }.status")).isEqualTo("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'decision-log' }.data.failing"))
                    .contains(MisbehavingRulesProfile.DECISION_LOG.toString());
            assertThat(ready.getLong("checks.find { it.name == 'decision-log' }.data.dropped")).isGreaterThanOrEqualTo(1);
        } finally {
            Files.delete(MisbehavingRulesProfile.DECISION_LOG);
        }
        decide("writable-again");
        assertThat(readinessOnce("UP").getString("checks.find { it.name == 'decision-log' }.status")).isEqualTo("UP");
        assertThat(Files.readString(MisbehavingRulesProfile.DECISION_LOG)).contains("writable-again");
    }
}
