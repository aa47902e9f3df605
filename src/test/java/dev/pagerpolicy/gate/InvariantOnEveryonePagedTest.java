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
 * "No ML engineer is woken by an outage" speaks of everyone a page wakes, escalation steps included: an invariant on
 * {@code paged.role} sees them, where one on {@code target.role} sees only the first.
 */
class InvariantOnEveryonePagedTest {
    @TempDir
    Path dir;

    @Test
    void pagedRoleSeesTheEscalationStepsTargetRoleDoesNot() throws Exception {
        Packs.copyShipped(dir);
        Path tests = dir.resolve("rules/tests");
        Packs.write(tests.resolve("invariants.yaml"), """
                - name: outages of a model's service never page its ML engineers first
                  when: {kind: outage, model: product-recs}
                  never: {target.role: ml-engineer}

                - name: outages of a model's service never wake its ML engineers
                  when: {kind: outage, model: product-recs}
                  never: {paged.role: ml-engineer}

                - name: critical outages of a model's service escalate to its ML team
                  when: {kind: outage, model: product-recs, severity: critical, production: true}
                  always: {escalation: $model.mlTeam}
                """);
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
        Domain full = Domain.of(ruleSet.catalog(), DomainSpec.load(tests));
        Domain domain = new Domain(full.shapes(), List.of(Severity.CRITICAL),
                new Week(Week.DEFAULT_MONDAY, Duration.ofHours(6)));

        List<InvariantResult> results = InvariantCheck.run(new Explorer(Evaluator.withDefaults(), 2), ruleSet, domain,
                InvariantFile.load(tests, ruleSet.catalog()));

        assertThat(results.get(0).holds()).as("the ML team is never the target of an outage").isTrue();
        assertThat(results.get(1).holds()).as("but it is the last escalation step").isFalse();
        assertThat(results.get(1).counterexamples().get(0)).contains("product-recs");
        assertThat(results.get(2).holds()).as("a critical page is no ticket even in the model's maintenance window")
                .isTrue();
        assertThat(results.get(2).checked()).isPositive();
    }
}
