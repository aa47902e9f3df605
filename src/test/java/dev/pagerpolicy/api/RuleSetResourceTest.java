package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reloading through the API, and who may do it, with admin and decide keys configured. */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class RuleSetResourceTest {
    /** The management interface's root ({@code /q}, on a port of its own); the annotation's path is below it. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    String management;

    private static final String OUTAGE = """
            {"kind": "outage", "severity": "critical", "service": "recommendations", "firedAt": "2026-11-25T03:00:00Z"}""";

    private static Path rules() {
        return TempPackProfile.dir().resolve("rules");
    }

    private static Path policies() {
        return TempPackProfile.dir().resolve("policies");
    }

    private static String activeVersion() {
        return as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    /**
     * The tests after this one, in this class or another on the same app, start on the shipped rules: each test of the
     * service that changes the pack puts it back.
     */
    @AfterEach
    void leaveTheShippedPackActive() {
        TempPackProfile.activateTheShippedPack();
    }

    @Test
    void reloadWithoutAKeyIs401() {
        given().post("/v1/ruleset/reload").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:pager-policy:problem:unauthorized"));
    }

    @Test
    void reloadWithAnUnknownKeyIs401() {
        as("not-a-configured-key-at-all").post("/v1/ruleset/reload").then()
                .statusCode(401)
                .body("detail", equalTo("the bearer key is not valid"));
    }

    @Test
    void reloadWithADecideKeyIs403() {
        as(TempPackProfile.DECIDE_KEY).post("/v1/ruleset/reload").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:forbidden"));
    }

    @Test
    void aWaitThatIsNeitherTrueNorFalseIs400RatherThanAReloadThatDoesNotWait() {
        as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=yes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("field \"wait\": must be true or false"))
                .body("errors[0].field", equalTo("wait"));
    }

    @Test
    void everyConfiguredAdminKeyWorksSoKeysCanBeRotated() {
        as("second-admin-key-0123456789").post("/v1/ruleset/reload?wait=true").then().statusCode(200);
    }

    @Test
    void decidingNeedsAKeyWhenDecideKeysAreConfigured() {
        given().contentType(ContentType.JSON).body(OUTAGE).post("/v1/decide").then().statusCode(401);
        as(TempPackProfile.DECIDE_KEY).contentType(ContentType.JSON).body(OUTAGE).post("/v1/decide").then().statusCode(200);
        as(TempPackProfile.ADMIN_KEY).contentType(ContentType.JSON).body(OUTAGE).post("/v1/decide").then().statusCode(200);
    }

    @Test
    void reloadIgnoresAnyBodyAndOnlyRereadsTheFiles() {
        String before = activeVersion();
        as(TempPackProfile.ADMIN_KEY).contentType(ContentType.TEXT)
                .body("rule \"Pages everyone\" when then System.exit(1); end")
                .post("/v1/ruleset/reload?wait=true").then()
                .statusCode(200)
                .body("result", equalTo("unchanged"))
                .body("version", equalTo(before));
    }

    @Test
    void aReloadIsAcceptedAtOnceAndItsOutcomeIsShownByTheRuleSet() {
        String before = activeVersion();
        Packs.useTenMinuteTier2Acks(TempPackProfile.dir());

        int id = as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload").then()
                .statusCode(202)
                .header("Location", endsWith("/v1/ruleset"))
                .body("trigger", equalTo("api"))
                .body("status", is(oneOf("queued", "running")))
                .extract().path("id");

        // Polled, not timed: the gate takes as long as this machine needs.
        Poll.until("the reload ended", () -> {
            Integer last = as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then().extract().path("lastReload.id");
            return last != null && last >= id;
        });
        as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then()
                .body("lastReload.id", equalTo(id))
                .body("lastReload.result", equalTo("success"))
                .body("version", not(equalTo(before)))
                .body("pendingReload", nullValue());
    }

    @Test
    void aGoodChangeGoesLiveAndDecisionsShowTheNewVersion() {
        String before = activeVersion();
        Packs.useTenMinuteTier2Acks(TempPackProfile.dir());

        String version = as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then()
                .statusCode(200)
                .body("result", equalTo("success"))
                .body("trigger", equalTo("api"))
                .extract().path("version");

        assertThat(version).isNotEqualTo(before).isEqualTo(activeVersion());
        as(TempPackProfile.DECIDE_KEY).contentType(ContentType.JSON).body(OUTAGE).post("/v1/decide").then()
                .statusCode(200)
                .body("ackWithin", equalTo("PT10M"))
                .body("policyVersion", equalTo(version));
    }

    @Test
    void aBrokenChangeIs422AndTheOldSetKeepsServing() {
        String before = activeVersion();
        Packs.edit(rules().resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided \nthen");

        as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:reload-failed"))
                .body("detail", equalTo("rule set " + before + " stays active; 1 problem(s) in the files"))
                .body("problems", contains(rules().resolve("service-health.drl") + ":17: [ERR 102] Line 17:0"
                        + " mismatched input 'then' in rule \"Service-health alerts page the service's on-call team\""));

        as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then()
                .body("version", equalTo(before))
                .body("lastReload.result", equalTo("failed"))
                .body("lastReload.trigger", equalTo("api"))
                .body("lastReload.problems[0]", startsWith(rules().resolve("service-health.drl") + ":17: "));
        as(TempPackProfile.DECIDE_KEY).contentType(ContentType.JSON).body(OUTAGE).post("/v1/decide").then()
                .statusCode(200)
                .body("policyVersion", equalTo(before))
                .body("fallback", equalTo(false));
        given().get(management + "metrics").then()
                .body(containsString("pager_policy_reload_last_success 0.0"))
                .body(containsString("pager_policy_reload_last_success_timestamp_seconds "))
                .body(containsString("pager_policy_reload_attempts_total{result=\"failed\"}"))
                .body(containsString("pager_policy_rule_set_info{version=\"" + before + "\"} 1.0"));
        given().get(management + "health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.data.version", hasItem(before))
                .body("checks.data.lastReload", hasItem("failed"))
                .body("checks.data.lastReloadProblems", hasItem(1))
                .body(not(containsString(rules().toString())));
    }

    @Test
    void aChangeThatBreaksAnInvariantIs422WithTheCounterexampleAndNeverGoesLive() {
        String before = activeVersion();
        // Every scenario still passes, but a critical model_performance alert pages whoever can take the model offline.
        Packs.edit(rules().resolve("tests/invariants.yaml"), "when: {kind: [model_drift, concept_drift]}",
                "when: {kind: [model_drift, concept_drift, model_performance]}");
        String violation = rules().resolve("tests/invariants.yaml") + ":7: invariant \"drift never pages\" is violated"
                + " by 4384 of 575400 alerts, e.g. model_performance/critical of fraud-scoring (model fraud-detector) at"
                + " Mon 2026-01-12 00:00 UTC: page fraud-ml; rules fired: \"Critical model performance pages the ML team"
                + " when it runs an on-call rotation\"";

        as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("rule set " + before + " stays active; 1 problem(s) in the files"))
                .body("problems[0]", startsWith(violation));

        as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then()
                .body("version", equalTo(before))
                .body("lastReload.result", equalTo("failed"))
                .body("lastReload.problems[0]", startsWith(violation));
    }

    @Test
    void anUndefinedTeamIs422WithTheMessage() {
        Packs.edit(policies().resolve("services.yaml"), "onCallTeam: analytics-dev", "onCallTeam: sre-db");
        as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then()
                .statusCode(422)
                .body("problems", contains(policies().resolve("services.yaml")
                        + ":21: undefined team \"sre-db\" referenced by service \"churn-reports\""));
    }

    @Test
    void aChangeThatBreaksAScenarioIs422NamingTheScenario() {
        Packs.edit(policies().resolve("teams.yaml"), "mlopsMaturity: 2", "mlopsMaturity: 1");
        as(TempPackProfile.ADMIN_KEY).post("/v1/ruleset/reload?wait=true").then()
                .statusCode(422)
                .body("problems", hasItem(startsWith(rules().resolve("tests/model-health.yaml")
                        + ":2: scenario \"fraud-detector drift retrains automatically with fraud-ml validating\":"
                        + " expected action automate, got ticket")));
    }

    @Test
    void stateShowsTheActiveSet() {
        as(TempPackProfile.DECIDE_KEY).get("/v1/ruleset").then()
                .statusCode(200)
                .body("rules", equalTo(21))
                .body("warnings", org.hamcrest.Matchers.empty())
                .body("loadedAt", not(equalTo(null)))
                .body("lastReload.result", equalTo("unchanged"));
    }
}
