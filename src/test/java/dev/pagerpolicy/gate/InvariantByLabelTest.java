package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invariant can select alerts by a label ({@code when: {labels.patient_safety: "true"}}, or the same as a map),
 * so that "alerts labelled patient_safety=true always page" can be stated, and a label-routed exception excluded.
 */
class InvariantByLabelTest {
    @TempDir
    Path dir;

    @Test
    void anInvariantSelectsAlertsByALabelTheDomainNames() throws Exception {
        Packs.copyShipped(dir);
        Path tests = dir.resolve("rules/tests");
        Packs.write(tests.resolve("domain.yaml"), "labels: {patient_safety: [\"true\"]}\n");
        Packs.write(tests.resolve("invariants.yaml"), """
                - name: patient-safety alerts always page
                  when: {labels.patient_safety: "true", production: true}
                  always: {action: page}

                - name: other alerts of staging never page
                  when: {labels: {patient_safety: ""}, production: false}
                  never: {action: page}
                """);
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
        Domain full = Domain.of(ruleSet.catalog(), DomainSpec.load(tests));
        Domain domain = new Domain(full.shapes(), List.of(Severity.LOW), new Week(Week.DEFAULT_MONDAY, Duration.ofHours(6)));

        List<InvariantResult> results = InvariantCheck.run(new Explorer(Evaluator.withDefaults(), 2), ruleSet, domain,
                InvariantFile.load(tests, ruleSet.catalog()));

        InvariantResult patientSafety = results.get(0);
        assertThat(patientSafety.checked()).as("only alerts labelled patient_safety=true, of production")
                .isEqualTo(domain.shapes().stream().filter(s -> s.production() && "true".equals(s.labels()
                        .get("patient_safety"))).count() * 28);
        assertThat(patientSafety.holds()).as("the shipped rules do not page low alerts").isFalse();
        assertThat(patientSafety.counterexamples().get(0)).contains("patient_safety=true");
        assertThat(results.get(1).checked()).isEqualTo(domain.shapes().stream().filter(s -> !s.production()
                && !s.labels().containsKey("patient_safety")).count() * 28);
        assertThat(results.get(1).holds()).isTrue();
    }
}
