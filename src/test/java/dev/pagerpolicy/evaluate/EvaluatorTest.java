package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.decision.Target;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shipped pack, evaluated in process: the examples the product promises, field by field. */
class EvaluatorTest {
    private static final RuleSet SHIPPED = Packs.shipped();
    private static final Instant WEDNESDAY_3AM = Instant.parse("2026-11-25T03:00:00Z");
    private final Evaluator evaluator = Evaluator.withDefaults();

    private Decision decide(AlertKind kind, Severity severity, String service, String model, String environment,
                            Instant at) {
        return evaluator.decide(SHIPPED, new Alert("alert-1", kind, severity, service, model, environment, at, null, null));
    }

    @Test
    void criticalOutageOfTier1PagesOpsWithinFiveMinutes() {
        Decision d = decide(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null, WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("platform-sre", Role.OPS));
        assertThat(d.action()).isEqualTo(Action.PAGE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.notBefore()).isNull();
        assertThat(d.escalation()).containsExactly(new EscalationStep(Duration.ofMinutes(5), "payments-dev", Role.DEV));
        assertThat(d.fallback()).isFalse();
        assertThat(d.alertId()).isEqualTo("alert-1");
        assertThat(d.policyVersion()).isEqualTo(SHIPPED.version());
        assertThat(d.reasons()).extracting(Reason::rule).containsExactly(
                "Service-health alerts page the service's on-call team",
                "Pages are acknowledged within the tier's time",
                "Pages escalate to the on-call team, then the dev team");
        assertThat(d.reasons()).extracting(Reason::effect)
                .containsExactly(Effect.ROUTE, Effect.ACK_WITHIN, Effect.ESCALATE);
    }

    @Test
    void driftWithContinuousTrainingIsAutomatedAndPagesNoDataScientist() {
        Decision d = decide(AlertKind.MODEL_DRIFT, Severity.HIGH, "fraud-scoring", "fraud-detector", null, WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("fraud-ml", Role.ML_ENGINEER));
        assertThat(d.action()).isEqualTo(Action.AUTOMATE);
        assertThat(d.recommendations()).containsExactly("retrain");
        assertThat(d.ackWithin()).isNull();
        assertThat(d.escalation()).isEmpty();
        assertThat(d.followUps()).isEmpty();
    }

    @Test
    void driftWithoutAutomationIsATicketForDataScientists() {
        Decision d = decide(AlertKind.MODEL_DRIFT, Severity.HIGH, "recommendations", "product-recs", null, WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("recs-ds", Role.DATA_SCIENTIST));
        assertThat(d.action()).isEqualTo(Action.TICKET);
    }

    @Test
    void conceptDriftWithPipelinesIsATicketForMlEngineers() {
        Decision d = decide(AlertKind.CONCEPT_DRIFT, Severity.MEDIUM, "churn-reports", "churn-predictor", null, WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("analytics-ml", Role.ML_ENGINEER));
        assertThat(d.action()).isEqualTo(Action.TICKET);
    }

    @Test
    void criticalPerformanceLossPagesTheMlRotationAndTicketsTheDataScientists() {
        Decision d = decide(AlertKind.MODEL_PERFORMANCE, Severity.CRITICAL, "fraud-scoring", "fraud-detector", null,
                WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("fraud-ml", Role.ML_ENGINEER));
        assertThat(d.action()).isEqualTo(Action.PAGE);
        assertThat(d.recommendations()).containsExactly("fallback-model");
        assertThat(d.followUps()).containsExactly(new FollowUp("fraud-ds", Role.DATA_SCIENTIST, Action.TICKET));
    }

    @Test
    void criticalPerformanceLossWithoutMlRotationPagesTheServiceOnCall() {
        Decision d = decide(AlertKind.MODEL_PERFORMANCE, Severity.CRITICAL, "recommendations", "product-recs", null,
                WEDNESDAY_3AM);
        assertThat(d.target()).isEqualTo(new Target("platform-sre", Role.OPS));
        assertThat(d.action()).isEqualTo(Action.PAGE);
        assertThat(d.recommendations()).containsExactly("fallback-model");
        assertThat(d.notBefore()).isNull();
    }

    @Test
    void tier3OutageOnSaturdayWaitsForMondayInNewYork() {
        Decision d = decide(AlertKind.OUTAGE, Severity.HIGH, "churn-reports", null, null,
                Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(d.target()).isEqualTo(new Target("analytics-dev", Role.DEV));
        assertThat(d.action()).isEqualTo(Action.PAGE);
        assertThat(d.notBefore()).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(d.ackWithin()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void stagingNeverPages() {
        Decision d = decide(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, "staging", WEDNESDAY_3AM);
        assertThat(d.action()).isEqualTo(Action.TICKET);
        assertThat(d.target().team()).isEqualTo("platform-sre");
        assertThat(d.ackWithin()).isNull();
        assertThat(d.escalation()).isEmpty();
    }

    @Test
    void unknownServicePagesTheFallbackTeamAndSaysWhy() {
        Decision d = decide(AlertKind.OUTAGE, Severity.CRITICAL, "billing-batch", null, null, WEDNESDAY_3AM);
        assertThat(d.fallback()).isTrue();
        assertThat(d.target()).isEqualTo(new Target("platform-sre", Role.OPS));
        assertThat(d.action()).isEqualTo(Action.PAGE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.reasons()).containsExactly(new Reason("fallback", Effect.ROUTE, "page platform-sre",
                "service \"billing-batch\" is not in the catalog; the fallback team platform-sre is paged"));
    }

    @Test
    void lowLatencyNotifies() {
        Decision d = decide(AlertKind.LATENCY, Severity.LOW, "checkout-api", null, null, WEDNESDAY_3AM);
        assertThat(d.action()).isEqualTo(Action.NOTIFY);
        assertThat(d.target().team()).isEqualTo("platform-sre");
        assertThat(d.ackWithin()).isNull();
    }

    @Test
    void everyDecisionHasItsOwnId() {
        Decision first = decide(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null, WEDNESDAY_3AM);
        Decision second = decide(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null, WEDNESDAY_3AM);
        assertThat(first.decisionId()).isNotEqualTo(second.decisionId());
    }

    @Test
    void evaluationListsTheRulesThatFired() {
        Evaluation evaluation = evaluator.evaluate(SHIPPED, new Alert(null, AlertKind.LATENCY, Severity.INFO,
                "checkout-api", null, null, WEDNESDAY_3AM, null, null));
        assertThat(evaluation.firedRules()).containsExactly("Low and info service-health alerts notify the on-call team");
    }
}
