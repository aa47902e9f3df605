package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.SlowRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert whose rules run past the gate's wall-clock guard, alone too, leaves an invariant inconclusive for it:
 * neither checked nor violated (the fallback that a time-out makes would break this one). A guard far shorter than
 * the rule's pause stands for the busiest machine.
 */
class InconclusiveInvariantTest {
    @TempDir
    Path dir;

    /** The shipped pack with the slow rule, and an invariant that a time-out's fallback would break. */
    private RuleSet slowPack() throws Exception {
        Packs.copyShipped(dir);
        Packs.write(dir.resolve("rules/slow.drl"), SlowRule.DRL);
        Files.writeString(dir.resolve("invariants.yaml"), """
                - name: a critical outage is decided by the rules
                  when: {kind: outage, severity: critical}
                  never: {fallback: true}
                """);
        return Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    private static AlertShape outageOfCheckout(RuleSet ruleSet, Map<String, String> labels) {
        return new AlertShape(ruleSet.catalog().service("checkout-api"), null, AlertKind.OUTAGE, "production", true,
                labels, Map.of());
    }

    @Test
    void anAlertPastTheGuardTwiceIsInconclusiveNotAViolation() throws Exception {
        RuleSet ruleSet = slowPack();
        AlertShape slow = outageOfCheckout(ruleSet, Map.of("slow", "yes"));
        AlertShape quick = outageOfCheckout(ruleSet, Map.of());
        // One time of the week: a step of seven days.
        Domain domain = new Domain(List.of(slow, quick), List.of(Severity.CRITICAL),
                new Week(Week.DEFAULT_MONDAY, Duration.ofDays(7)));
        Explorer explorer = new Explorer(new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS, Duration.ofMillis(20)), 2);

        List<InvariantResult> results = InvariantCheck.run(explorer, ruleSet, domain,
                InvariantFile.load(dir, ruleSet.catalog()));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.holds()).isTrue();
            assertThat(result.inconclusive()).as("the slow alert, and the quick one only if the machine is"
                    + " very busy").isBetween(1L, 2L);
            assertThat(result.checked() + result.inconclusive()).isEqualTo(2);
            assertThat(result.inconclusiveLine()).startsWith(dir.resolve("invariants.yaml") + ":1: invariant \"a"
                    + " critical outage is decided by the rules\" is inconclusive for ");
        });
    }

    @Test
    void afterThreeAlertsPastTheGuardTheOthersAreNotRunButInconclusive() throws Exception {
        RuleSet ruleSet = slowPack();
        AlertShape slow = outageOfCheckout(ruleSet, Map.of("slow", "yes"));
        // Seven times of the week, one a day: every one of them slow.
        Domain domain = new Domain(List.of(slow), List.of(Severity.CRITICAL),
                new Week(Week.DEFAULT_MONDAY, Duration.ofDays(1)));
        Explorer explorer = new Explorer(new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS, Duration.ofMillis(20)), 1);

        List<InvariantResult> results = InvariantCheck.run(explorer, ruleSet, domain,
                InvariantFile.load(dir, ruleSet.catalog()));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.holds()).isTrue();
            assertThat(result.inconclusive()).isEqualTo(7);
        });
        assertThat(explorer.evaluateOne(ruleSet, domain, slow, 0, 6).decision().reasons().get(0).explanation())
                .contains("not run: the rules ran past the time guard for 3 alerts of this exploration already");
    }
}
