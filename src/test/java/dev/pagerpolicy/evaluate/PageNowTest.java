package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Page now, whatever comes after": one rule makes a page immediate, and the shipped rules that would lower it or
 * hold it back change nothing, each saying so, without knowing of it.
 */
class PageNowTest {
    /** Saturday 03:00 UTC: Friday 22:00 in New York, where analytics-dev (churn-reports, tier-3) works. */
    private static final Instant FRIDAY_NIGHT_NEW_YORK = Instant.parse("2026-11-28T03:00:00Z");

    @TempDir
    Path dir;
    RuleSet ruleSet;

    @BeforeEach
    void shippedWithAPatientSafetyRule() {
        Packs.copyShipped(dir);
        Packs.write(dir.resolve("rules/patient-safety.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Patient-safety alerts page now"
                    salience 5
                when
                    Alert( label("patient_safety") == "true" )
                    $draft : DecisionDraft( paging, !immediate )
                then
                    $draft.pageNow("patient safety: no maintenance window or working hours hold it back");
                end
                """);
        ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    private Decision decide(String service, String environment, Map<String, String> labels) {
        return Evaluator.withDefaults().decide(ruleSet, new Alert("a", AlertKind.OUTAGE, Severity.HIGH, service, null,
                environment, FRIDAY_NIGHT_NEW_YORK, labels, null));
    }

    @Test
    void aPageThatWouldWaitForBusinessHoursGoesOutNowAndTheReasonSaysWhy() {
        assertThat(decide("churn-reports", null, Map.of()).notBefore()).as("without the label it waits").isNotNull();

        Decision decision = decide("churn-reports", null, Map.of("patient_safety", "true"));

        assertThat(decision.fallback()).isFalse();
        assertThat(decision.action()).isEqualTo(Action.PAGE);
        assertThat(decision.notBefore()).isNull();
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.PAGE_NOW).extracting(Reason::rule)
                .containsExactly("Patient-safety alerts page now");
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.KEPT_IMMEDIATE).singleElement()
                .satisfies(kept -> {
                    assertThat(kept.rule()).isEqualTo("Pages outside business hours wait for them unless the tier"
                            + " pages around the clock");
                    assertThat(kept.value()).isEqualTo("defer until 2026-11-30T14:00:00Z");
                    assertThat(kept.explanation()).startsWith("not done, rule \"Patient-safety alerts page now\" made"
                            + " the page immediate; the rule's note: ");
                });
    }

    @Test
    void aDowngradeOutsideProductionIsKeptFromHappening() {
        assertThat(decide("checkout-api", "staging", Map.of()).action()).isEqualTo(Action.TICKET);

        Decision decision = decide("checkout-api", "staging", Map.of("patient_safety", "true"));

        assertThat(decision.action()).isEqualTo(Action.PAGE);
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.KEPT_IMMEDIATE).extracting(Reason::rule,
                Reason::value).containsExactly(org.assertj.core.groups.Tuple.tuple("Non-production alerts never page",
                "downgrade to ticket"));
    }
}
