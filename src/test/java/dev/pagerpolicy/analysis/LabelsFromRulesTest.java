package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule on a label is explored without a domain.yaml naming its values: the domain makes up alerts with the values
 * the rule compares, so the rule is not called dead, and an invariant on that label speaks of real alerts (before,
 * it held vacuously: no alert of the domain carried the label).
 */
class LabelsFromRulesTest {
    private static final Evaluator EVALUATOR = Evaluator.withDefaults().forGate();

    /** One service's alerts of a domain: enough to show what the rules make of a label, in a quarter of the time. */
    private static Domain checkoutApisAlerts(Domain all) {
        return new Domain(all.shapes().stream().filter(s -> s.service().name().equals("checkout-api")).toList(),
                all.severities(), all.week());
    }

    @Test
    void aRuleOnALabelFiresInTheExplorationAndTheInvariantOnItIsChecked(@TempDir Path pack) throws Exception {
        Packs.copyShipped(pack);
        Packs.write(pack.resolve("rules/patients.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Service
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Alerts that touch patient safety page the on-call team"
                    salience 100
                when
                    Alert( label("patient_safety") == "true" )
                    Service( $onCall : onCallTeam )
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($onCall, Action.PAGE, "patient safety");
                end
                """);
        Path scenarios = pack.resolve("rules/tests");
        Files.writeString(scenarios.resolve("invariants.yaml"), """
                - name: alerts labelled patient_safety=true always page
                  when: {labels.patient_safety: "true"}
                  always: {action: page}
                """);
        Files.deleteIfExists(scenarios.resolve("domain.yaml"));
        RuleSet ruleSet = Packs.load(pack.resolve("rules"), pack.resolve("policies"));
        Domain all = Domain.of(ruleSet, DomainSpec.load(scenarios));
        Domain domain = checkoutApisAlerts(all);

        ExploreReport report = new Exploration(new Explorer(EVALUATOR, 2)).run(ruleSet, domain,
                InvariantFile.load(scenarios, ruleSet.catalog()));

        assertThat(domain.shapes()).anyMatch(shape -> shape.labels().equals(Map.of("patient_safety", "true")));
        assertThat(report.labelled()).containsExactly("labelled patient_safety=true");
        assertThat(all.shapes()).filteredOn(shape -> !shape.labels().isEmpty()).hasSize(all.shapes().size() / 2);
        assertThat(report.deadRules()).doesNotContain("Alerts that touch patient safety page the on-call team");
        assertThat(report.invariants()).singleElement().satisfies(invariant -> {
            assertThat(invariant.checked()).isEqualTo(domain.size() / 2);
            // Checked on real alerts, it finds what the author overlooked: planned maintenance turns the page down.
            assertThat(invariant.holds()).isFalse();
            assertThat(invariant.counterexamples()).first().asString()
                    .startsWith("outage/high of checkout-api (patient_safety=true) at Sun 2026-11-01 01:00 UTC: ticket"
                            + " platform-sre")
                    .contains("\"Non-critical alerts during a maintenance window are a ticket, not a page\"");
        });
    }

    @Test
    void aRuleOnASignalFiresInTheExploration(@TempDir Path pack) throws Exception {
        Packs.copyShipped(pack);
        Packs.write(pack.resolve("rules/drift.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Service
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Severe drift is a ticket for the on-call team"
                    salience 100
                when
                    Alert( signal("driftScore") > 0.3 )
                    Service( $onCall : onCallTeam )
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($onCall, Action.TICKET, "severe drift");
                end
                """);
        Path scenarios = pack.resolve("rules/tests");
        Files.deleteIfExists(scenarios.resolve("domain.yaml"));
        Files.deleteIfExists(scenarios.resolve("invariants.yaml"));
        RuleSet ruleSet = Packs.load(pack.resolve("rules"), pack.resolve("policies"));
        Domain all = Domain.of(ruleSet, DomainSpec.load(scenarios));
        Domain domain = checkoutApisAlerts(all);

        ExploreReport report = new Exploration(new Explorer(EVALUATOR, 2)).run(ruleSet, domain, java.util.List.of());

        assertThat(report.labelled()).containsExactly("with signals driftScore=0.4");
        assertThat(report.deadRules()).doesNotContain("Severe drift is a ticket for the on-call team");
    }
}
