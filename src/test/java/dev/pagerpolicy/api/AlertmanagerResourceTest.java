package dev.pagerpolicy.api;

import static dev.pagerpolicy.testing.TempPackProfile.asDecider;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.pagerpolicy.testing.ServiceLane;
import dev.pagerpolicy.testing.TempPackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The Alertmanager webhook receiver, with payloads as Alertmanager 0.25 sends them. */
@ServiceLane
@QuarkusTest
@TestProfile(TempPackProfile.class)
class AlertmanagerResourceTest {
    private static final String PAYLOAD = """
            {"version": "4", "groupKey": "{}:{alertname=\\"CheckoutDown\\"}", "truncatedAlerts": 0,
             "status": "firing", "receiver": "pager-policy",
             "groupLabels": {"alertname": "CheckoutDown"}, "commonLabels": {}, "commonAnnotations": {},
             "externalURL": "http://alertmanager:9093",
             "alerts": [
               {"status": "firing", "fingerprint": "aaa111",
                "labels": {"alertname": "CheckoutDown", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                "annotations": {"summary": "checkout is down"},
                "startsAt": "2026-11-25T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus/graph"},
               {"status": "firing", "fingerprint": "bbb222",
                "labels": {"alertname": "SomethingOdd", "severity": "urgent", "service": "checkout-api"},
                "annotations": {}, "startsAt": "2026-11-25T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z"},
               {"status": "resolved", "fingerprint": "ccc333",
                "labels": {"alertname": "DriftHigh", "kind": "model_drift", "severity": "high", "service": "fraud-scoring"},
                "annotations": {}, "startsAt": "2026-11-25T01:00:00Z", "endsAt": "2026-11-25T02:00:00Z"},
               {"status": "firing", "fingerprint": "ddd444",
                "labels": {"alertname": "RecsDrift", "kind": "model_drift", "severity": "high", "service": "recommendations",
                           "model": "product-recs", "env": "staging"},
                "annotations": {}, "startsAt": "2026-11-25T03:00:00Z", "endsAt": "0001-01-01T00:00:00Z"}
             ]}""";

    @Test
    void eachFiringAlertGetsADecisionKeyedByFingerprint() {
        asDecider().contentType(ContentType.JSON).body(PAYLOAD).post("/v1/alertmanager").then()
                .statusCode(200)
                .body("receiver", equalTo("pager-policy"))
                .body("alerts.keySet()", contains("aaa111", "bbb222", "ccc333", "ddd444"))
                .body("alerts.aaa111.status", equalTo("firing"))
                .body("alerts.aaa111.decision.alertId", equalTo("CheckoutDown"))
                .body("alerts.aaa111.decision.action", equalTo("page"))
                .body("alerts.aaa111.decision.target.team", equalTo("platform-sre"))
                .body("alerts.aaa111.decision.fallback", equalTo(false))
                .body("alerts.ddd444.decision.target.team", equalTo("recs-ds"))
                .body("alerts.ddd444.decision.action", equalTo("ticket"));
    }

    @Test
    void anAlertWhoseLabelsCannotBeReadStillGetsTheFallbackWithTheReason() {
        asDecider().contentType(ContentType.JSON).body(PAYLOAD).post("/v1/alertmanager").then()
                .body("alerts.bbb222.decision.fallback", equalTo(true))
                .body("alerts.bbb222.decision.action", equalTo("page"))
                .body("alerts.bbb222.decision.target.team", equalTo("platform-sre"))
                .body("alerts.bbb222.decision.alertId", equalTo("SomethingOdd"))
                .body("alerts.bbb222.decision.reasons[0].explanation", equalTo("the Alertmanager alert could not be"
                        + " read: kind is missing (no field \"kind\", no label \"kind\"), and no mapping of"
                        + " policies/inputs.yaml sets it for this alert; severity \"urgent\" is not one of critical,"
                        + " high, medium, low, info, and policies/inputs.yaml (severities) does not map it; the fallback"
                        + " team platform-sre is paged"));
    }

    @Test
    void theSameAlertSentAgainGetsTheSameDecisionIdAndTheLogMarksTheRepeat() {
        String first = asDecider().contentType(ContentType.JSON).body(PAYLOAD).post("/v1/alertmanager").then()
                .statusCode(200).extract().path("alerts.aaa111.decision.decisionId");
        String again = asDecider().contentType(ContentType.JSON).body(PAYLOAD).post("/v1/alertmanager").then()
                .statusCode(200).extract().path("alerts.aaa111.decision.decisionId");
        String restated = asDecider().contentType(ContentType.JSON).body(PAYLOAD.replace("\"aaa111\"", "\"aaa999\""))
                .post("/v1/alertmanager").then().statusCode(200).extract().path("alerts.aaa999.decision.decisionId");
        String other = asDecider().contentType(ContentType.JSON).body(PAYLOAD.replace("\"service\": \"checkout-api\"}",
                        "\"service\": \"checkout-api\", \"instance\": \"b\"}"))
                .post("/v1/alertmanager").then().statusCode(200).extract().path("alerts.aaa111.decision.decisionId");

        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(restated).as("its labels make the alert, not the fingerprint it states")
                .isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(other).as("other labels are another alert").isNotEqualTo(first);
        // Version 7's layout, with the alert's start (2026-11-25T03:00:00Z) as its time.
        org.assertj.core.api.Assertions.assertThat(first).startsWith("01a210a5-5380-7");
        asDecider().get("/v1/decisions/" + first).then().statusCode(200).body("repeat", equalTo(true));
    }

    @Test
    void twoAlertsOfOneNameStatingOneFingerprintAreTwoDecisionsNeitherARepeat() {
        String alert = """
                {"status": "firing", "fingerprint": "same",
                 "labels": {"alertname": "PodDown", "kind": "outage", "severity": "critical", "service": "fraud-scoring",
                            "pod": "%s"},
                 "startsAt": "2026-11-25T04:00:00Z"}""";
        String one = asDecider().contentType(ContentType.JSON).body("{\"version\": \"4\", \"status\": \"firing\","
                        + " \"receiver\": \"pager-policy\", \"alerts\": [" + alert.formatted("one") + "]}")
                .post("/v1/alertmanager").then().statusCode(200).extract().path("alerts.same.decision.decisionId");
        String two = asDecider().contentType(ContentType.JSON).body("{\"version\": \"4\", \"status\": \"firing\","
                        + " \"receiver\": \"pager-policy\", \"alerts\": [" + alert.formatted("two") + "]}")
                .post("/v1/alertmanager").then().statusCode(200).extract().path("alerts.same.decision.decisionId");

        org.assertj.core.api.Assertions.assertThat(two).isNotEqualTo(one);
        asDecider().get("/v1/decisions/" + one).then().statusCode(200).body("repeat", nullValue());
        asDecider().get("/v1/decisions/" + two).then().statusCode(200).body("repeat", nullValue());
    }

    @Test
    void anUnreadableStartGetsThatAlertTheFallbackAndTheOthersTheirDecisions() {
        asDecider().contentType(ContentType.JSON).body("""
                {"version": "4", "status": "firing", "receiver": "pager-policy", "alerts": [
                  {"status": "firing", "fingerprint": "good",
                   "labels": {"alertname": "CheckoutDown", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                   "startsAt": "2026-11-25T03:00:00Z"},
                  {"status": "firing", "fingerprint": "garbled",
                   "labels": {"alertname": "Garbled", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                   "startsAt": "garbage", "endsAt": "also garbage"}
                ]}""")
                .post("/v1/alertmanager").then()
                .statusCode(200)
                .body("alerts.good.decision.fallback", equalTo(false))
                .body("alerts.garbled.decision.fallback", equalTo(true))
                .body("alerts.garbled.decision.alertId", equalTo("Garbled"))
                .body("alerts.garbled.decision.reasons[0].explanation", equalTo("the Alertmanager alert could not be"
                        + " read: startsAt \"garbage\" is not an ISO-8601 time such as 2026-11-25T03:00:00Z; endsAt"
                        + " \"also garbage\" is not an ISO-8601 time such as 2026-11-25T03:00:00Z; the fallback team"
                        + " platform-sre is paged"));
    }

    @Test
    void anAlertWithOnlyItsOwnLabelsIsReadThroughTheInputMappingsAndDecidedByTheRules() {
        asDecider().contentType(ContentType.JSON).body("""
                {"version": "4", "status": "firing", "receiver": "pager-policy", "alerts": [
                  {"status": "firing", "fingerprint": "kube1",
                   "labels": {"alertname": "KubePodCrashLooping", "namespace": "payments", "pod": "checkout-7d9f",
                              "container": "api", "severity": "warning", "job": "kube-state-metrics"},
                   "startsAt": "2026-11-25T03:00:00Z"},
                  {"status": "firing", "fingerprint": "kube2",
                   "labels": {"alertname": "KubePodCrashLooping", "namespace": "payments", "severity": "critical"},
                   "startsAt": "2026-11-25T03:00:00Z"}
                ]}""")
                .post("/v1/alertmanager").then()
                .statusCode(200)
                .body("alerts.kube1.decision.fallback", equalTo(false))
                .body("alerts.kube1.decision.reasons[0].rule", equalTo("input mapping"))
                .body("alerts.kube1.decision.reasons.explanation", hasItems(
                        "service = checkout-api (from label namespace=\"payments\"), by mapping \"the namespace names"
                                + " the service\" of policies/inputs.yaml",
                        "kind = outage, by mapping \"an alert that something is down is an outage\" of policies/inputs.yaml",
                        "severity \"warning\" is read as medium, by policies/inputs.yaml (severities)"))
                .body("alerts.kube2.decision.fallback", equalTo(false))
                .body("alerts.kube2.decision.action", equalTo("page"))
                .body("alerts.kube2.decision.target.team", equalTo("platform-sre"));
    }

    private static String group(String secondAlertLabels) {
        return """
                {"version": "4", "status": "firing", "receiver": "pager-policy", "alerts": [
                  {"status": "firing", "fingerprint": "good",
                   "labels": {"alertname": "CheckoutDown", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                   "startsAt": "2026-11-25T03:00:00Z"},
                  {"status": "firing", "fingerprint": "bad", "labels": %s, "startsAt": "2026-11-25T03:00:00Z"}
                ]}""".formatted(secondAlertLabels);
    }

    @Test
    void aLabelWithoutValueGivesThatAlertTheFallbackAndTheOthersTheirDecisions() {
        asDecider().contentType(ContentType.JSON)
                .body(group("{\"alertname\": \"Odd\", \"kind\": \"outage\", \"severity\": \"critical\","
                        + " \"service\": \"checkout-api\", \"region\": null}"))
                .post("/v1/alertmanager").then()
                .statusCode(200)
                .body("alerts.good.decision.fallback", equalTo(false))
                .body("alerts.bad.decision.fallback", equalTo(true))
                .body("alerts.bad.decision.alertId", equalTo("Odd"))
                .body("alerts.bad.decision.reasons[0].explanation", equalTo("the Alertmanager alert could not be read:"
                        + " label \"region\" has no value; the fallback team platform-sre is paged"));
    }

    @Test
    void aFarFutureStartGivesThatAlertTheFallbackAndTheOthersTheirDecisions() {
        asDecider().contentType(ContentType.JSON).body("""
                {"version": "4", "status": "firing", "receiver": "pager-policy", "alerts": [
                  {"status": "firing", "fingerprint": "good",
                   "labels": {"alertname": "CheckoutDown", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                   "startsAt": "2026-11-25T03:00:00Z"},
                  {"status": "firing", "fingerprint": "bad",
                   "labels": {"alertname": "Later", "kind": "outage", "severity": "critical", "service": "checkout-api"},
                   "startsAt": "+999999999-12-31T23:59:59Z"}
                ]}""")
                .post("/v1/alertmanager").then()
                .statusCode(200)
                .body("alerts.good.decision.fallback", equalTo(false))
                .body("alerts.bad.decision.fallback", equalTo(true))
                .body("alerts.bad.decision.reasons[0].explanation", equalTo("the Alertmanager alert could not be read:"
                        + " startsAt +999999999-12-31T23:59:59Z is not from 2000-01-01T00:00:00Z up to"
                        + " 2200-01-01T00:00:00Z; the fallback team platform-sre is paged"));
    }

    @Test
    void anAlertOverTheLimitsOfDecideGetsTheFallbackSayingWhich() {
        StringBuilder labels = new StringBuilder("{\"alertname\": \"Wide\", \"kind\": \"outage\","
                + " \"severity\": \"critical\", \"service\": \"checkout-api\", \"note\": \"" + "x".repeat(4097) + "\"");
        for (int i = 0; i < 250; i++) {
            labels.append(", \"l").append(i).append("\": \"v\"");
        }
        asDecider().contentType(ContentType.JSON).body(group(labels.append('}').toString()))
                .post("/v1/alertmanager").then()
                .statusCode(200)
                .body("alerts.good.decision.fallback", equalTo(false))
                .body("alerts.bad.decision.fallback", equalTo(true))
                .body("alerts.bad.decision.reasons[0].explanation", equalTo("the Alertmanager alert could not be read:"
                        + " it has 255 labels, at most 64 are read; label \"note\" has a value of 4097 characters,"
                        + " at most 4096; the fallback team platform-sre is paged"));
    }

    @Test
    void resolvedAlertsAreAcknowledgedNotDecided() {
        asDecider().contentType(ContentType.JSON).body(PAYLOAD).post("/v1/alertmanager").then()
                .body("alerts.ccc333.status", equalTo("resolved"))
                .body("alerts.ccc333.decision", nullValue());
    }

    @Test
    void aPayloadWithoutAlertsIsRefused() {
        asDecider().contentType(ContentType.JSON).body("{\"version\": \"4\"}").post("/v1/alertmanager").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("alerts"));
    }

    @Test
    void aNullAlertIsRefusedNamingItsPlaceInTheList() {
        asDecider().contentType(ContentType.JSON).body("""
                {"version": "4", "alerts": [
                  {"status": "firing", "fingerprint": "n1", "labels": {"alertname": "CheckoutDown"}}, null]}""")
                .post("/v1/alertmanager").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("alerts[1]"))
                .body("errors[0].message", equalTo("must not be null"));
    }
}
