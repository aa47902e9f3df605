package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvariantGateTest {
    @TempDir
    Path dir;

    /** A misspelt label or a value no alert carries: the invariant would hold whatever the rules did. */
    @Test
    void anInvariantThatAppliesToNoAlertFailsTheGateSayingSo() throws Exception {
        Packs.copyShipped(dir);
        Path scenarios = dir.resolve("rules/tests");
        Packs.write(scenarios.resolve("invariants.yaml"), """
                - name: patient-safety alerts always page
                  when: {labels: {patient_safty: "true"}}
                  always: {action: page}
                """);
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));

        InvariantGate.Verdict verdict = new InvariantGate(Evaluator.withDefaults(), RuleCache.in(dir.resolve("cache"), 10))
                .check(ruleSet, scenarios);

        assertThat(verdict.violated()).singleElement().satisfies(result -> {
            assertThat(result.checksNothing()).isTrue();
            assertThat(result.problem().toString()).isEqualTo(scenarios.resolve("invariants.yaml") + ":1: invariant"
                    + " \"patient-safety alerts always page\" applies to no alert of the domain: its when matches nothing"
                    + " (a misspelt label or value, or one no alert carries; domain.yaml names the label values"
                    + " explored), so it would hold whatever the rules did");
        });
    }

    @Test
    void aVerdictIsRememberedForTheSameFilesAndLimitsOnly() throws Exception {
        Packs.copyShipped(dir);
        Path scenarios = dir.resolve("rules/tests");
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
        RuleCache cache = RuleCache.in(dir.resolve("cache"), 10);
        InvariantGate gate = new InvariantGate(Evaluator.withDefaults(), cache);

        InvariantGate.Verdict first = gate.check(ruleSet, scenarios);
        InvariantGate.Verdict second = gate.check(ruleSet, scenarios);
        InvariantGate.Verdict otherLimits = new InvariantGate(new Evaluator(50, Duration.ofMillis(500)), cache)
                .check(ruleSet, scenarios);
        Packs.edit(scenarios.resolve("invariants.yaml"), "kind: [model_drift, concept_drift]",
                "kind: [model_drift, concept_drift, model_performance]");
        InvariantGate.Verdict changedInvariants = gate.check(ruleSet, scenarios);
        InvariantGate.Verdict stillViolated = gate.check(ruleSet, scenarios);

        assertThat(first.remembered()).isFalse();
        assertThat(first.results()).hasSize(7).allMatch(InvariantResult::holds);
        assertThat(second.remembered()).isTrue();
        assertThat(second.stated()).isEqualTo(7);
        assertThat(second.results()).as("what the first check found, read back").isEqualTo(first.results());
        assertThat(otherLimits.remembered()).isFalse();
        assertThat(changedInvariants.violated()).extracting(InvariantResult::name).containsExactly("drift never pages");
        assertThat(stillViolated.remembered()).isFalse();
        assertThat(stillViolated.violated()).hasSize(1);
    }

    @Test
    void aRememberedVerdictNamesTheInvariantsWhereTheyAreStatedNow(@TempDir Path elsewhere) throws Exception {
        Packs.copyShipped(dir);
        Packs.copyShipped(elsewhere);
        RuleCache cache = RuleCache.in(dir.resolve("cache"), 10);
        InvariantGate gate = new InvariantGate(Evaluator.withDefaults(), cache);
        gate.check(Packs.load(dir.resolve("rules"), dir.resolve("policies")), dir.resolve("rules/tests"));

        InvariantGate.Verdict copied = gate.check(Packs.load(elsewhere.resolve("rules"),
                elsewhere.resolve("policies")), elsewhere.resolve("rules/tests"));

        assertThat(copied.remembered()).isTrue();
        assertThat(copied.results()).hasSize(7).allSatisfy(result -> assertThat(result.file())
                .isEqualTo(elsewhere.resolve("rules/tests/invariants.yaml").toString()));
    }

    @Test
    void aVerdictOfAnotherBuildOfTheServiceIsNotReused() throws Exception {
        Packs.copyShipped(dir);
        Path scenarios = dir.resolve("rules/tests");
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
        RuleCache cache = RuleCache.in(dir.resolve("cache"), 10);

        InvariantGate.Verdict before = new InvariantGate(Evaluator.withDefaults(), cache, "build-1").check(ruleSet, scenarios);
        InvariantGate.Verdict sameBuild = new InvariantGate(Evaluator.withDefaults(), cache, "build-1")
                .check(ruleSet, scenarios);
        InvariantGate.Verdict upgraded = new InvariantGate(Evaluator.withDefaults(), cache, "build-2")
                .check(ruleSet, scenarios);

        assertThat(before.remembered()).isFalse();
        assertThat(sameBuild.remembered()).isTrue();
        assertThat(upgraded.remembered()).isFalse();
        assertThat(upgraded.results()).hasSize(7).allMatch(InvariantResult::holds);
    }
}
