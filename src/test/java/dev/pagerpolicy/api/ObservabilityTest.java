package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.asDecider;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators see besides the answers: the decision log, metrics, health and the API description. */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class ObservabilityTest {
    /** The management interface's root ({@code /q}, on a port of its own); the annotation's path is below it. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    String management;

    private final List<String> decisionLog = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (decisionLog) {
                decisionLog.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToTheDecisionLog() {
        Logger.getLogger("pager-policy.decisions").addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("pager-policy.decisions").removeHandler(recorder);
    }

    private static String decideOutage() {
        return asDecider().contentType(ContentType.JSON).body("""
                {"id": "alert-log", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z", "labels": {"email": "oncall@example.com", "region": "eu"}}""")
                .post("/v1/decide").then().statusCode(200).extract().path("decisionId");
    }

    @Test
    void eachDecisionIsOneJsonLineWithMaskedLabels() throws Exception {
        String id = decideOutage();
        List<String> lines;
        synchronized (decisionLog) {
            lines = decisionLog.stream().filter(line -> line.contains(id)).toList();
        }
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("decisionId").asText()).isEqualTo(id);
        assertThat(line.get("policyVersion").asText()).matches("[0-9a-f]{12}");
        assertThat(line.get("evaluatedAt").asText()).isNotEmpty();
        assertThat(line.get("tookMicros").asLong()).isNotNegative();
        assertThat(line.get("alert").get("service").asText()).isEqualTo("checkout-api");
        assertThat(line.get("alert").get("labels").get("email").asText()).isEqualTo("***");
        assertThat(line.get("alert").get("labels").get("region").asText()).isEqualTo("eu");
        assertThat(line.get("decision").get("action").asText()).isEqualTo("page");
        assertThat(line.get("rulesFired").get(0).asText()).isEqualTo("Service-health alerts page the service's on-call team");
        assertThat(lines.get(0)).doesNotContain("oncall@example.com");
    }

    @Test
    void recentDecisionsAreMaskedToo() {
        String id = decideOutage();
        asDecider().get("/v1/decisions/" + id).then()
                .statusCode(200)
                .body("alert.labels.email", equalTo("***"))
                .body("alert.labels.region", equalTo("eu"));
    }

    @Test
    void maskedLabelNamesMatchWhateverTheirCase() {
        String id = asDecider().contentType(ContentType.JSON).body("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api",
                 "labels": {"Email": "oncall@example.com", "CUSTOMER": "acme"}}""")
                .post("/v1/decide").then().statusCode(200).extract().path("decisionId");
        asDecider().get("/v1/decisions/" + id).then()
                .statusCode(200)
                .body("alert.labels.Email", equalTo("***"))
                .body("alert.labels.CUSTOMER", equalTo("***"));
    }

    @Test
    void metricsCountDecisionsAndTheActiveVersionAndNoSeriesPerRuleUnlessAskedFor() {
        TempPackProfile.activateTheShippedPack(); // the last reload a success, whatever the tests before reloaded
        decideOutage();
        String version = asDecider().get("/v1/ruleset").then().extract().path("version");
        given().get(management + "metrics").then()
                .statusCode(200)
                .body(containsString("pager_policy_decisions_total{action=\"page\",fallback=\"false\",role=\"ops\"}"))
                .body(not(containsString("pager_policy_rule_firings_total")))
                .body(containsString("pager_policy_decision_duration_seconds_bucket{le="))
                .body(containsString("pager_policy_decision_duration_seconds_count"))
                .body(containsString("pager_policy_rule_set_info{version=\"" + version + "\"} 1.0"))
                .body(containsString("pager_policy_reload_last_success 1.0"));
    }

    @Test
    void healthIsLiveAndReadyWithTheActiveVersion() {
        given().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("serving"));
        given().get(management + "health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("rule-set", "memory"))
                .body("checks.find { it.name == 'memory' }.data.direct-memory", matchesPattern("direct memory \\d+% of \\d+ MiB"));
    }

    @Test
    void openApiDescribesTheEndpointsAndTheirEnums() {
        given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/v1/decide"))
                .body("paths.keySet()", hasItem("/v1/decide/batch"))
                .body("paths.keySet()", hasItem("/v1/alertmanager"))
                .body("paths.keySet()", hasItem("/v1/ruleset/reload"))
                .body("paths.keySet()", hasItem("/v1/decisions/{decisionId}"))
                .body("components.schemas.AlertKind.enum", hasItem("model_drift"))
                .body("components.schemas.Role.enum", hasItem("ml-engineer"))
                .body("paths.'/v1/decide'.post.requestBody.content.'application/json'.examples.keySet()",
                        hasItem("drift of a continuously trained model"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
