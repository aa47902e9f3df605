package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.decision.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each field of an expectation, matched and mismatched: a checker that always passed would fail here. */
class ExpectationCheckTest {
    private static final Instant NINE = Instant.parse("2026-11-30T14:00:00Z");
    private static final Decision PAGE = new Decision("d", "a", new Target("platform-sre", Role.OPS), Action.PAGE,
            Duration.ofMinutes(5), NINE, List.of(new EscalationStep(Duration.ofMinutes(5), "payments-dev", Role.DEV)),
            List.of(new FollowUp("fraud-ds", Role.DATA_SCIENTIST, Action.TICKET)), List.of("fallback-model"),
            List.of(new Reason("Outages page", Effect.ROUTE, "page platform-sre", "checkout-api is down")), "v1", false, null);
    private static final Decision FALLBACK = new Decision("d", "a", new Target("platform-sre", Role.OPS), Action.PAGE,
            Duration.ofMinutes(5), null, List.of(), List.of(), List.of(),
            List.of(new Reason("fallback", Effect.ROUTE, "page platform-sre", "no rule decided; the fallback team platform-sre is paged")), "v1", true, null);

    private static ExpectationBuilder expect() {
        return new ExpectationBuilder();
    }

    private static List<String> check(ExpectationBuilder want, Decision got) {
        return ExpectationCheck.mismatches(want.build(), got, List.of("Outages page"));
    }

    @Test
    void target() {
        assertThat(check(expect().target("platform-sre", "ops"), PAGE)).isEmpty();
        assertThat(check(expect().target("payments-dev", "dev"), PAGE))
                .containsExactly("expected target.team payments-dev, got platform-sre", "expected target.role dev, got ops");
    }

    @Test
    void actionAckWithinNotBeforeAndDeferred() {
        assertThat(check(expect().action("page").ackWithin(Duration.ofMinutes(5)).notBefore(NINE).deferred(true), PAGE))
                .isEmpty();
        assertThat(check(expect().action("ticket").ackWithin(Duration.ofMinutes(15))
                .notBefore(NINE.plusSeconds(60)).deferred(false), PAGE)).containsExactly(
                "expected action ticket, got page", "expected ackWithin PT15M, got PT5M",
                "expected notBefore 2026-11-30T14:01:00Z, got 2026-11-30T14:00:00Z", "expected deferred false, got true");
    }

    @Test
    void recommendationsFollowUpsAndEscalation() {
        assertThat(check(expect().recommendations("fallback-model").followUp("fraud-ds", null, "ticket")
                .escalation("payments-dev"), PAGE)).isEmpty();
        assertThat(check(expect().recommendations("retrain").followUp("fraud-ds", null, "page")
                .escalation("payments-dev", "fraud-ml"), PAGE)).containsExactly(
                "expected recommendation \"retrain\", got [fallback-model]",
                "expected follow-up fraud-ds page, got [fraud-ds/data-scientist ticket]",
                "expected escalation [payments-dev, fraud-ml], got [payments-dev]");
    }

    @Test
    void notPagedCoversTargetFollowUpsAndEscalation() {
        assertThat(check(expect().notPaged("fraud-ds"), PAGE)).isEmpty();
        assertThat(check(expect().notPaged("platform-sre", "payments-dev"), PAGE)).containsExactly(
                "expected platform-sre not to be paged, but it is", "expected payments-dev not to be paged, but it is");
    }

    @Test
    void rulesFiredAndReasons() {
        assertThat(check(expect().rulesFired("Outages page").reasons("is down"), PAGE)).isEmpty();
        assertThat(check(expect().rulesFired("Drift tickets").reasons("is slow"), PAGE)).containsExactly(
                "expected rule \"Drift tickets\" to fire, it did not",
                "expected a reason containing \"is slow\", got [route page platform-sre: checkout-api is down]");
    }

    @Test
    void theFallbackFailsAScenarioThatDoesNotExpectIt() {
        assertThat(check(expect().target("platform-sre", "ops"), FALLBACK)).containsExactly(
                "expected a decision of the rules, got the fallback: no rule decided; the fallback team platform-sre"
                        + " is paged");
        assertThat(check(expect().fallback(true).target("platform-sre", "ops"), FALLBACK)).isEmpty();
        assertThat(check(expect().fallback(true), PAGE)).containsExactly("expected fallback true, got false");
    }
}
