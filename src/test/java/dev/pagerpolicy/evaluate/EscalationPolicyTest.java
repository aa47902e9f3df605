package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escalation steps with delays of their own and a chain that repeats, as PagerDuty and Opsgenie policies have. */
class EscalationPolicyTest {
    private static final Alert CHECKOUT_DOWN = new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null,
            null, Instant.parse("2026-11-25T03:00:00Z"), null, null);

    @TempDir
    Path dir;

    private Decision decideWith(String consequence) {
        Packs.copyShipped(dir);
        // The shipped chain is replaced by this one: platform-sre (target), then the rule's steps.
        Packs.edit(dir.resolve("rules/sla-tiers.drl"), "    $draft : DecisionDraft( paging, ackWithin != null, !involves($onCall) || !involves($dev) )",
                "    $draft : DecisionDraft( paging, ackWithin != null, !involves($onCall) || !involves($dev) )\n"
                        + "    eval( false )");
        Packs.write(dir.resolve("rules/chain.drl"), """
                package rules

                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Checkout pages escalate by their own clock"
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( paging, ackWithin != null, !hasReasonFrom("Checkout pages escalate by their own clock") )
                then
                %s
                end
                """.formatted(consequence));
        return Evaluator.withDefaults().decide(Packs.load(dir.resolve("rules"), dir.resolve("policies")), CHECKOUT_DOWN);
    }

    @Test
    void stepsWithDelaysOfTheirOwnAndAChainThatRepeats() {
        Decision decision = decideWith("""
                    $draft.escalateTo($catalog.team("payments-dev"), "payments one acknowledgement time later");
                    $draft.escalateTo($catalog.team("analytics-dev"), java.time.Duration.ofMinutes(30), "analytics half an hour later");
                    $draft.repeatEscalation(2, "nobody answered: start again, twice");
                """);
        assertThat(decision.fallback()).isFalse();
        // tier-1: ackWithin PT5M spaces a step without a delay of its own.
        assertThat(decision.escalation()).containsExactly(
                new EscalationStep(Duration.ofMinutes(5), "payments-dev", Role.DEV),
                new EscalationStep(Duration.ofMinutes(35), "analytics-dev", Role.DEV));
        assertThat(decision.escalationRepeats()).isEqualTo(2);
        assertThat(decision.reasons()).extracting(r -> r.effect().wireName() + " " + r.value())
                .contains("escalate payments-dev", "escalate analytics-dev after PT30M", "repeat-escalation 2 times");
    }

    @Test
    void aChainRepeatedTooOftenIsARuleFailure() {
        Decision decision = decideWith("""
                    $draft.repeatEscalation(20, "until someone answers");
                """);
        assertThat(decision.fallback()).isTrue();
        assertThat(decision.reasons().get(0).explanation()).startsWith("a rule failed: rule \"Checkout pages escalate"
                + " by their own clock\" called repeatEscalation(20, ...): the chain repeats 1 to 9 times");
    }
}
