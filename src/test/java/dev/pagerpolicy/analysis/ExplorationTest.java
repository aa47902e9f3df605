package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.domain.WhenText;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorationTest {
    private final Exploration exploration = new Exploration(new Explorer(Evaluator.withDefaults().forGate(), 2));

    @TempDir
    Path dir;

    private ExploreReport explore(Path rules, Path policies) throws Exception {
        RuleSet ruleSet = Packs.load(rules, policies);
        Path scenarios = rules.resolve("tests");
        return exploration.run(ruleSet, Domain.of(ruleSet, DomainSpec.load(scenarios)),
                InvariantFile.load(scenarios, ruleSet.catalog()));
    }

    @Test
    void theShippedPackHasNoGapsNoFailuresNoDeadRulesAndKeepsItsInvariants() throws Exception {
        ExploreReport report = explore(Packs.RULES, Packs.POLICIES);

        // 140 shapes, each also in the four situations of an outage of its service (paged at once, held, ticketed, in
        // another environment): the shipped rules read what is already firing.
        assertThat(report.inputClasses()).isEqualTo(5 * 140L * 5 * 548);
        assertThat(report.gaps()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.deadRules()).isEmpty();
        assertThat(report.invariants()).extracting(InvariantResult::name).containsExactly(
                "data scientists are never paged", "drift never pages", "non-production never pages",
                "a tier-1 outage pages the on-call team at once, day or night, outside planned maintenance",
                "a critical tier-1 outage pages the on-call team at once, even during planned maintenance",
                "a critical production outage always reaches someone awake",
                "no ML team is woken for an outage it does not own");
        assertThat(report.invariants()).allMatch(InvariantResult::holds);
        assertThat(report.clean()).isTrue();
        assertThat(report.woken().keySet()).containsExactly("fraud-ml", "platform-sre");
        assertThat(report.woken().get("fraud-ml").alerts()).extracting(Finding::text).containsExactly(
                "model_performance/critical of fraud-scoring (model fraud-detector), while nothing is firing or fraud-scoring"
                        + " is down (page held for business hours) or fraud-scoring is down (ticketed) or fraud-scoring is"
                        + " down in staging, outside business hours"
                        + " (Mon-Fri 09:00-17:00 America/New_York; the holidays and maintenance windows explored"
                        + " included): paged at once");
    }

    @Test
    void aRemovedRuleLeavesAGapGroupedByKindsSeveritiesAndTimes() throws Exception {
        Packs.copyShipped(dir);
        Path rules = dir.resolve("rules");
        Packs.edit(rules.resolve("model-health.drl"), "model == null, $kind : kind", "model == null, $kind : kind,"
                + " kind != AlertKind.TRAINING_PIPELINE");

        ExploreReport report = explore(rules, dir.resolve("policies"));

        assertThat(report.gaps()).extracting(Finding::text).contains(
                "training_pipeline/critical, high of checkout-api, at any time (all week, every holiday and maintenance window): no rule decides; the fallback: page"
                        + " platform-sre (fallback)",
                "training_pipeline/medium, low, info of checkout-api, at any time (all week, every holiday and maintenance window): no rule decides; the fallback: ticket"
                        + " platform-sre (fallback)",
                "training_pipeline/critical, high, medium, low, info of checkout-api (staging), at any time (all week, every holiday and maintenance window)"
                        + ": no rule decides; the fallback: ticket platform-sre (fallback)");
        assertThat(report.gaps()).hasSize(12); // three lines for each of the four services
        // Without and with each outage of the service: a gap whatever is firing is one line, naming no situation.
        assertThat(report.gaps().stream().mapToLong(Finding::inputClasses).sum()).isEqualTo(5 * 4L * 2 * 5 * 548);
        assertThat(report.clean()).isFalse();
    }

    @Test
    void aRuleNoAlertCanFireIsDead() throws Exception {
        Packs.copyShipped(dir);
        Path rules = dir.resolve("rules");
        Packs.write(rules.resolve("dead.drl"), """
                package rules
                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.SlaTier
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Tier-4 alerts are explained"
                when
                    SlaTier( ackWithin.toHours() > 24 )
                    $draft : DecisionDraft( )
                then
                    $draft.recommend("no tier is that slow", "noted");
                end
                """);

        ExploreReport report = explore(rules, dir.resolve("policies"));

        assertThat(report.deadRules()).containsExactly("Tier-4 alerts are explained");
        assertThat(report.gaps()).isEmpty();
    }

    @Test
    void anInvariantBrokenByAChangeIsReportedWithItsSmallestCounterexamples() throws Exception {
        Packs.copyShipped(dir);
        Path rules = dir.resolve("rules");
        Packs.edit(rules.resolve("guardrails.drl"), "Alert( !production, $environment : environment )",
                "Alert( !production, $environment : environment, kind != AlertKind.OUTAGE )");
        Packs.edit(rules.resolve("guardrails.drl"), "import dev.pagerpolicy.alert.Alert",
                "import dev.pagerpolicy.alert.Alert\nimport dev.pagerpolicy.alert.AlertKind");

        ExploreReport report = explore(rules, dir.resolve("policies"));

        InvariantResult nonProduction = report.invariants().get(2);
        assertThat(nonProduction.name()).isEqualTo("non-production never pages");
        assertThat(nonProduction.holds()).isFalse();
        assertThat(nonProduction.checked()).isEqualTo(5 * 70L * 5 * 548); // without and with each outage of the service
        assertThat(nonProduction.counterexamples()).hasSize(3);
        assertThat(nonProduction.counterexamples().get(1)).startsWith("outage/high of checkout-api (staging) at Mon"
                + " 2026-01-12 00:00 UTC: page platform-sre;");
        assertThat(nonProduction.counterexamples().get(0)).isEqualTo(
                "outage/critical of checkout-api (staging) at Mon 2026-01-12 00:00 UTC: page platform-sre;"
                        + " rules fired: \"Service-health alerts page the service's on-call team\", \"Pages are"
                        + " acknowledged within the tier's time\", \"Pages escalate to the on-call team, then the dev team\"");
        assertThat(report.invariants()).filteredOn(InvariantResult::holds).hasSize(6);
        assertThat(nonProduction.problem().toString()).startsWith(rules.resolve("tests/invariants.yaml")
                + ":11: invariant \"non-production never pages\" is violated by 45840 of 959000 alerts, e.g. outage/critical of"
                + " checkout-api (staging) at Mon 2026-01-12 00:00 UTC: page platform-sre; rules fired: ");
    }

    @Test
    void labelAndSignalValuesOfTheDomainFileMultiplyTheShapes() throws Exception {
        Packs.copyShipped(dir);
        Path rules = dir.resolve("rules");
        Packs.write(rules.resolve("tests/domain.yaml"), """
                labels: {customer_impact: ["true", "false"]}
                signals: {driftScore: [0.5]}
                """);
        RuleSet ruleSet = Packs.load(rules, dir.resolve("policies"));

        Domain domain = Domain.of(ruleSet, DomainSpec.load(rules.resolve("tests")));

        assertThat(domain.shapes()).hasSize(140 * 3 * 2 * 5); // each also in the situations of an outage of its service
        assertThat(domain.shapes()).extracting(AlertShape::subject).contains(
                "checkout-api (customer_impact=true, driftScore=0.5)", "churn-reports (model churn-predictor, staging)");
    }

    @Test
    void aDomainFileOfTooManyCombinationsIsRefusedBeforeExploringSayingHowMany() throws Exception {
        Path tests = java.nio.file.Files.createDirectories(dir.resolve("tests"));
        Path file = tests.resolve("domain.yaml");
        Packs.write(file, """
                # five labels and two signals of nine values each
                labels:
                  a: [a1, a2, a3, a4, a5, a6, a7, a8, a9]
                  b: [b1, b2, b3, b4, b5, b6, b7, b8, b9]
                  c: [c1, c2, c3, c4, c5, c6, c7, c8, c9]
                  d: [d1, d2, d3, d4, d5, d6, d7, d8, d9]
                  e: [e1, e2, e3, e4, e5, e6, e7, e8, e9]
                signals:
                  x: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                  y: [1, 2, 3, 4, 5, 6, 7, 8, 9]
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DomainSpec.load(tests))
                .isInstanceOf(dev.pagerpolicy.source.InvalidSourceException.class)
                .hasMessageContaining(file + ":2: the labels and signals here make 10000000 combinations (each value,"
                        + " and absent: 10 × 10 × 10 × 10 × 10 × 10 × 10), each explored for every service, kind,"
                        + " severity and time of the week; at most 1024 are explored: list fewer values");
    }

    @Test
    void aHalfHourOrQuarterHourZoneMakesTheStepFiner() throws Exception {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/teams.yaml"), "timeZone: Europe/Berlin", "timeZone: Asia/Kathmandu");
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));

        assertThat(Domain.of(ruleSet.catalog(), DomainSpec.NONE).week().step().toMinutes()).isEqualTo(15);
        assertThat(Domain.of(Packs.shipped().catalog(), DomainSpec.NONE).week().step().toMinutes()).isEqualTo(30);
    }

    @Test
    void rangesAcrossTheEndOfTheWeekReadAsOne() {
        Week week = new Week(Week.DEFAULT_MONDAY, java.time.Duration.ofHours(12));
        boolean[] fridayNightToMonday = {false, false, false, false, false, false, false, false, false, true, true, true,
                true, true};
        boolean[] mondayMorning = {true, false, false, false, false, false, false, false, false, false, false, false,
                false, false};

        assertThat(new WhenText(week).describe(fridayNightToMonday, java.time.ZoneOffset.UTC)).isEqualTo("Fri 12:00 – Mon 00:00 Z");
        assertThat(new WhenText(week).describe(mondayMorning, java.time.ZoneId.of("Europe/Madrid")))
                .isEqualTo("Mon 01:00 – Mon 13:00 Europe/Madrid");
        assertThat(List.of(week.slots())).containsExactly(14);
    }
}
