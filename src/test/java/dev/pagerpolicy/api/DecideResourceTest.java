package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.asDecider;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decide contract, against the running app with the shipped rules and policies. */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class DecideResourceTest {
    private static final String NIGHT = "2026-11-25T03:00:00Z";

    private static ValidatableResponse decide(String json) {
        return asDecider().contentType(ContentType.JSON).body(json).when().post("/v1/decide").then();
    }

    @Test
    void criticalCheckoutOutageAtNightPagesPlatformSre() {
        decide("""
                {"id": "alert-42", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z"}""")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("alertId", equalTo("alert-42"))
                .body("target.team", equalTo("platform-sre"))
                .body("target.role", equalTo("ops"))
                .body("action", equalTo("page"))
                .body("ackWithin", equalTo("PT5M"))
                .body("notBefore", nullValue())
                .body("escalation", hasSize(1))
                .body("escalation[0].after", equalTo("PT5M"))
                .body("escalation[0].team", equalTo("payments-dev"))
                .body("escalation[0].role", equalTo("dev"))
                .body("followUps", empty())
                .body("recommendations", empty())
                .body("reasons.rule", hasItem("Service-health alerts page the service's on-call team"))
                .body("reasons.explanation", hasItem("tier-1 pages must be acknowledged within PT5M"))
                .body("policyVersion", matchesPattern("[0-9a-f]{12}"))
                .body("fallback", equalTo(false));
    }

    @Test
    void fraudDetectorDriftIsAutomatedAndPagesNoDataScientist() {
        decide("""
                {"kind": "model_drift", "severity": "high", "service": "fraud-scoring", "model": "fraud-detector",
                 "firedAt": "%s", "signals": {"driftScore": 0.41}}""".formatted(NIGHT))
                .statusCode(200)
                .body("action", equalTo("automate"))
                .body("target.team", equalTo("fraud-ml"))
                .body("target.role", equalTo("ml-engineer"))
                .body("recommendations", contains("retrain"))
                .body("followUps.team", not(hasItem("fraud-ds")))
                .body("escalation", empty());
    }

    @Test
    void productRecsDriftIsATicketForItsDataScientists() {
        decide("""
                {"kind": "model_drift", "severity": "high", "service": "recommendations", "model": "product-recs",
                 "firedAt": "%s"}""".formatted(NIGHT))
                .statusCode(200)
                .body("action", equalTo("ticket"))
                .body("target.team", equalTo("recs-ds"))
                .body("target.role", equalTo("data-scientist"));
    }

    @Test
    void churnPredictorConceptDriftIsATicketForAnalyticsMl() {
        decide("""
                {"kind": "concept_drift", "severity": "medium", "service": "churn-reports", "model": "churn-predictor"}""")
                .statusCode(200)
                .body("action", equalTo("ticket"))
                .body("target.team", equalTo("analytics-ml"));
    }

    @Test
    void criticalFraudDetectorPerformancePagesFraudMlWithFallbackModel() {
        decide("""
                {"kind": "model_performance", "severity": "critical", "service": "fraud-scoring",
                 "model": "fraud-detector", "firedAt": "%s"}""".formatted(NIGHT))
                .statusCode(200)
                .body("action", equalTo("page"))
                .body("target.team", equalTo("fraud-ml"))
                .body("recommendations", contains("fallback-model"))
                .body("followUps", hasSize(1))
                .body("followUps[0].team", equalTo("fraud-ds"))
                .body("followUps[0].role", equalTo("data-scientist"))
                .body("followUps[0].action", equalTo("ticket"));
    }

    @Test
    void criticalProductRecsPerformancePagesPlatformSreBecauseRecsMlHasNoRotation() {
        decide("""
                {"kind": "model_performance", "severity": "critical", "service": "recommendations",
                 "model": "product-recs", "firedAt": "%s"}""".formatted(NIGHT))
                .statusCode(200)
                .body("action", equalTo("page"))
                .body("target.team", equalTo("platform-sre"))
                .body("recommendations", contains("fallback-model"));
    }

    @Test
    void tier3OutageOnSaturdayIsDeferredToMondayMorningInNewYork() {
        decide("""
                {"kind": "outage", "severity": "high", "service": "churn-reports", "firedAt": "2026-11-28T03:00:00Z"}""")
                .statusCode(200)
                .body("action", equalTo("page"))
                .body("target.team", equalTo("analytics-dev"))
                .body("notBefore", equalTo("2026-11-30T14:00:00Z"))
                .body("ackWithin", equalTo("PT1H"));
    }

    @Test
    void stagingOutageIsATicketNotAPage() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api", "environment": "staging",
                 "firedAt": "%s"}""".formatted(NIGHT))
                .statusCode(200)
                .body("action", equalTo("ticket"))
                .body("target.team", equalTo("platform-sre"))
                .body("ackWithin", nullValue())
                .body("escalation", empty());
    }

    @Test
    void unknownServicePagesTheFallbackTeamFlagged() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "billing-batch"}""")
                .statusCode(200)
                .body("action", equalTo("page"))
                .body("target.team", equalTo("platform-sre"))
                .body("fallback", equalTo(true))
                .body("reasons[0].rule", equalTo("fallback"))
                .body("reasons[0].explanation", equalTo(
                        "service \"billing-batch\" is not in the catalog; the fallback team platform-sre is paged"));
    }

    @Test
    void lowLatencyNotifies() {
        decide("""
                {"kind": "latency", "severity": "low", "service": "checkout-api"}""")
                .statusCode(200)
                .body("action", equalTo("notify"))
                .body("target.team", equalTo("platform-sre"));
    }

    @Test
    void alertWithoutFiredAtIsDecidedAtTheCurrentTime() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api"}""")
                .statusCode(200)
                .body("alertId", nullValue())
                .body("decisionId", notNullValue());
    }

    @Test
    void unknownFieldsAreIgnored() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api", "runbook": "https://example"}""")
                .statusCode(200);
    }

    // ---- batch ---------------------------------------------------------------------------------------------

    @Test
    void batchDecidesEachAlertInOrderAndReportsBadOnesAlone() {
        asDecider().contentType(ContentType.JSON).body("""
                [{"id": "a", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                 {"id": "b", "kind": "meltdown", "severity": "critical", "service": "checkout-api"},
                 {"id": "c", "kind": "latency", "severity": "low"},
                 "not an alert",
                 {"id": "e", "kind": "model_drift", "severity": "high", "service": "fraud-scoring", "model": "fraud-detector"}]""")
                .post("/v1/decide/batch").then()
                .statusCode(200)
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results[0].decision.alertId", equalTo("a"))
                .body("results[0].decision.action", equalTo("page"))
                .body("results[1].error.status", equalTo(400))
                .body("results[1].error.errors[0].field", equalTo("kind"))
                .body("results[2].error.errors[0].field", equalTo("service"))
                .body("results[2].error.errors[0].message", equalTo("must not be blank"))
                .body("results[3].error.errors[0].field", equalTo("body"))
                .body("results[4].decision.action", equalTo("automate"));
    }

    @Test
    void batchOverTheLimitIsRefused() {
        String alerts = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "{\"kind\": \"outage\", \"severity\": \"low\", \"service\": \"checkout-api\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        asDecider().contentType(ContentType.JSON).body(alerts).post("/v1/decide/batch").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("at most 100 alerts per batch"));
    }

    @Test
    void batchMustBeAnArray() {
        asDecider().contentType(ContentType.JSON).body("{\"alerts\": []}").post("/v1/decide/batch").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    // ---- why was I paged? -----------------------------------------------------------------------------------

    @Test
    void aDecisionCanBeLookedUpByItsId() {
        String id = decide("""
                {"id": "alert-9", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z"}""").statusCode(200).extract().path("decisionId");
        asDecider().get("/v1/decisions/" + id).then()
                .statusCode(200)
                .body("decisionId", equalTo(id))
                .body("alert.service", equalTo("checkout-api"))
                .body("alert.firedAt", equalTo("2026-11-25T03:00:00Z"))
                .body("decision.target.team", equalTo("platform-sre"))
                .body("rulesFired", hasItem("Service-health alerts page the service's on-call team"))
                .body("policyVersion", matchesPattern("[0-9a-f]{12}"));
        asDecider().get("/v1/decisions?limit=1").then()
                .statusCode(200)
                .body("decisionId", contains(id));
    }

    @Test
    void anUnknownDecisionIs404() {
        asDecider().get("/v1/decisions/no-such-decision").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("decision \"no-such-decision\" is not among the recent decisions of this instance"));
    }

    @ParameterizedTest
    @CsvSource({
            "limit=0,     must be greater than or equal to 1",
            "limit=1001,  must be less than or equal to 1000",
            "limit=abc,   must be a whole number",
            "limit=99999999999, must be a whole number"})
    void aBadQueryParameterIs400NamingIt(String query, String message) {
        asDecider().get("/v1/decisions?" + query).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo(message));
    }

    // ---- malformed requests: 400 problem+json naming each bad field ----------------------------------------

    @Test
    void missingRequiredFieldsAreEachNamed() {
        decide("{}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors.field", contains("kind", "service", "severity"))
                .body("errors.message", contains("must not be null", "must not be blank", "must not be null"));
    }

    @Test
    void unknownKindListsTheAllowedValues() {
        decide("""
                {"kind": "meltdown", "severity": "critical", "service": "checkout-api"}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("\"meltdown\" is not one of outage, error_rate, latency, saturation,"
                        + " model_drift, concept_drift, model_performance, data_quality, data_pipeline, training_pipeline, other"));
    }

    @Test
    void anAlertWithAnIdAndATimeSentAgainGetsTheSameDecisionId() {
        String body = """
                {"id": "repeat-me", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z"}""";
        String first = decide(body).statusCode(200).extract().path("decisionId");
        String again = decide(body).statusCode(200).extract().path("decisionId");
        String later = decide(body.replace("03:00:00Z", "03:05:00Z")).statusCode(200).extract().path("decisionId");
        String unnamed = decide(body.replace("\"id\": \"repeat-me\", ", "")).statusCode(200).extract().path("decisionId");
        String unnamedAgain = decide(body.replace("\"id\": \"repeat-me\", ", "")).statusCode(200)
                .extract().path("decisionId");

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(later).as("fired again later: a new alert").isNotEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(unnamedAgain).as("nothing says it is the same alert")
                .isNotEqualTo(unnamed);
        asDecider().get("/v1/decisions/" + first).then().statusCode(200).body("repeat", equalTo(true));
    }

    @Test
    void aSeverityNoPolicyMapsGetsTheFallbackNamingThePolicyToEdit() {
        decide("""
                {"kind": "outage", "severity": "urgent", "service": "checkout-api"}""")
                .statusCode(200)
                .body("fallback", equalTo(true))
                .body("action", equalTo("page"))
                .body("reasons[0].explanation", equalTo("the alert could not be read: severity \"urgent\" is not one of"
                        + " critical, high, medium, low, info, and policies/inputs.yaml (severities) does not map it;"
                        + " the fallback team platform-sre is paged"));
    }

    @Test
    void aSeverityWordOfAnotherToolIsReadThroughThePolicies() {
        decide("""
                {"kind": "outage", "severity": "P1", "service": "checkout-api", "firedAt": "2026-11-25T03:00:00Z"}""")
                .statusCode(200)
                .body("fallback", equalTo(false))
                .body("action", equalTo("page"))
                .body("reasons[0].rule", equalTo("input mapping"))
                .body("reasons[0].explanation", equalTo("severity \"P1\" is read as critical, by policies/inputs.yaml"
                        + " (severities)"));
    }

    @Test
    void anAlertOfLabelsAloneIsReadThroughTheInputMappingsAndDecidedByTheRules() {
        decide("""
                {"id": "k8s-1", "firedAt": "2026-11-25T03:00:00Z",
                 "labels": {"alertname": "KubePodCrashLooping", "namespace": "payments", "severity": "critical"}}""")
                .statusCode(200)
                .body("alertId", equalTo("k8s-1"))
                .body("fallback", equalTo(false))
                .body("action", equalTo("page"))
                .body("target.team", equalTo("platform-sre"))
                .body("reasons.explanation", hasItem("service = checkout-api (from label namespace=\"payments\"), by"
                        + " mapping \"the namespace names the service\" of policies/inputs.yaml"));
    }

    @Test
    void anAlertOfLabelsThatNothingMapsGetsTheFallbackSayingWhatToMap() {
        decide("""
                {"labels": {"alertname": "Watchdog", "severity": "none"}}""")
                .statusCode(200)
                .body("fallback", equalTo(true))
                .body("alertId", equalTo("Watchdog"))
                .body("action", equalTo("ticket"))
                .body("reasons[0].explanation", equalTo("severity \"none\" is read as info, by policies/inputs.yaml"
                        + " (severities)"))
                .body("reasons[1].explanation", equalTo("the alert could not be read: kind is missing (no field"
                        + " \"kind\", no label \"kind\"), and no mapping of policies/inputs.yaml sets it for this alert;"
                        + " service is missing (no field \"service\", no label \"service\"), and no mapping of"
                        + " policies/inputs.yaml sets it for this alert; the fallback team platform-sre gets a ticket"
                        + " (a production alert of info severity pages nobody)"));
    }

    @Test
    void firedAtMustBeAnInstant() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api", "firedAt": "yesterday"}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("firedAt"))
                .body("errors[0].message", equalTo("must be an ISO-8601 instant such as 2026-11-25T03:00:00Z"));
    }

    @Test
    void signalsMustBeNumbers() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "checkout-api", "signals": {"driftScore": "high"}}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("signals[driftScore]"))
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void signalsMustBeFiniteNumbers() {
        for (String signal : List.of("\"NaN\"", "1e999", "\"-Infinity\"")) {
            decide("""
                    {"kind": "outage", "severity": "critical", "service": "checkout-api", "signals": {"driftScore": %s}}"""
                    .formatted(signal))
                    .statusCode(400)
                    .body("errors[0].field", equalTo("signals[driftScore]"))
                    .body("errors[0].message", equalTo("must be a finite number"));
        }
    }

    @Test
    void anInstantOutsideTheYears2000To2200IsRefusedNamingTheField() {
        for (String firedAt : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2200-01-01T00:00:00Z",
                "1999-12-31T23:59:59Z")) {
            decide("""
                    {"kind": "outage", "severity": "critical", "service": "checkout-api", "firedAt": "%s"}"""
                    .formatted(firedAt))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("firedAt"))
                    .body("errors[0].message", equalTo("must be from 2000-01-01T00:00:00Z up to 2200-01-01T00:00:00Z"));
        }
    }

    @Test
    void aFarFutureInstantInABatchIsThatAlertsErrorAlone() {
        asDecider().contentType(ContentType.JSON).body("""
                [{"id": "a", "kind": "outage", "severity": "critical", "service": "checkout-api",
                  "firedAt": "+999999999-12-31T23:59:59Z"},
                 {"id": "b", "kind": "outage", "severity": "critical", "service": "checkout-api"}]""")
                .post("/v1/decide/batch").then()
                .statusCode(200)
                .body("results[0].error.status", equalTo(400))
                .body("results[0].error.errors[0].field", equalTo("firedAt"))
                .body("results[1].decision.alertId", equalTo("b"));
    }

    @Test
    void overlongServiceNameIsRefused() {
        decide("""
                {"kind": "outage", "severity": "critical", "service": "%s"}""".formatted("s".repeat(300)))
                .statusCode(400)
                .body("errors[0].field", equalTo("service"))
                .body("errors[0].message", equalTo("size must be between 0 and 256"));
    }

    @Test
    void tooManyLabelsAreRefused() {
        String labels = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "\"l" + i + "\": \"v\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        decide("{\"kind\": \"outage\", \"severity\": \"critical\", \"service\": \"checkout-api\", \"labels\": "
                + labels + "}")
                .statusCode(400)
                .body("errors[0].field", equalTo("labels"))
                .body("errors[0].message", equalTo("size must be between 0 and 64"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        decide("{\"kind\": \"outage\", \"severity\": \"critical\", \"service\": \"checkout-api\","
                + " \"labels\": {\"x\": \"" + "a".repeat(70_000) + "\"}}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:payload-too-large"))
                .body("detail", equalTo("the body is over the limit of 65536 bytes"));
    }

    @TestHTTPResource("/v1/decide")
    URI decideUri;

    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        // A stream of unknown length is sent chunked, without a Content-Length to judge it by.
        HttpRequest request = HttpRequest.newBuilder(decideUri).header("Content-Type", "application/json")
                .header("Authorization", TempPackProfile.bearer(TempPackProfile.DECIDE_KEY))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsDecided() throws Exception {
        HttpResponse<String> response = postChunked("""
                {"id": "chunked", "kind": "outage", "severity": "critical", "service": "checkout-api"}""");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("\"alertId\":\"chunked\"");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithAProblem() throws Exception {
        HttpResponse<String> response = postChunked("{\"kind\": \"outage\", \"severity\": \"critical\","
                + " \"service\": \"checkout-api\", \"labels\": {\"x\": \"" + "a".repeat(70_000) + "\"}}");
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                .contains("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains("\"detail\":\"the body is over the limit of 65536 bytes\"");
    }

    @Test
    void aClientThatAsksForCleartextHttp2GetsTheSame413OverHttp11() throws Exception {
        byte[] body = ("{\"kind\": \"outage\", \"severity\": \"critical\", \"service\": \"checkout-api\","
                + " \"labels\": {\"x\": \"" + "a".repeat(70_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(decideUri).header("Content-Type", "application/json")
                .header("Authorization", TempPackProfile.bearer(TempPackProfile.DECIDE_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains("\"detail\":\"the body is over the limit of 65536 bytes\"");
    }



    @Test
    void bodyThatIsNotJsonIsMalformed() {
        decide("{kind: outage")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:malformed-json"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        decide("[1, 2]")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void emptyBodyIsRefused() {
        asDecider().contentType(ContentType.JSON).when().post("/v1/decide").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void wrongContentTypeIs415() {
        asDecider().contentType(ContentType.TEXT).body("{}").when().post("/v1/decide").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:unsupported-media-type"));
    }

    @Test
    void unknownPathIs404() {
        asDecider().when().get("/v1/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:not-found"));
    }

    @Test
    void wrongMethodIs405() {
        asDecider().when().get("/v1/decide").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pager-policy:problem:method-not-allowed"));
    }
}
