package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.ServiceClasses;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.explore.Explorer.Reduction;
import dev.pagerpolicy.gate.Invariant;
import dev.pagerpolicy.gate.InvariantCheck;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluating one service per class of services the rules cannot tell apart proves what evaluating every service
 * proves: the same gaps, failures, dead rules, woken teams, invariant verdicts and diff counts, on the shipped pack
 * with more services in its catalog: services alike, alike but for a dependency, a service a rule names, and a rule
 * that fails naming the service; each alert also during the outages it may come during. Both sides share the times
 * the calendars answer alike, which {@code ExploreTimesAlikeTest} compares with every time: one reduction at a time.
 */
class ExploreByClassTest {
    // As explore and diff evaluate: bounded by rule firings, so that a busy machine changes no count.
    private static final Evaluator EVALUATOR = Evaluator.withDefaults().forGate();
    private static final Set<Reduction> BY_CLASS = EnumSet.allOf(Reduction.class);
    private static final Set<Reduction> EVERY_SERVICE = EnumSet.of(Reduction.TIMES_ALIKE);
    private static Path pack;

    @BeforeAll
    static void aPackWithServicesAlike(@TempDir Path dir) throws Exception {
        Packs.copyShipped(dir);
        StringBuilder services = new StringBuilder(Files.readString(dir.resolve("policies/services.yaml")));
        for (int i = 0; i < 9; i++) {
            services.append("""
                      - name: extra-%02d
                        tier: tier-%d
                        onCallTeam: %s
                        devTeam: %s
                    """.formatted(i, 1 + i % 3, i < 4 ? "platform-sre" : "analytics-dev",
                    i < 4 ? "payments-dev" : "storefront-dev"));
            if (i == 1) {
                // Alike but for what it depends on: its alerts come during extra-02's outages, no other's do.
                services.append("    dependsOn: [extra-02]\n");
            }
        }
        services.append("""
                  - name: ledger-special
                    tier: tier-1
                    onCallTeam: platform-sre
                    devTeam: payments-dev
                """);
        Files.writeString(dir.resolve("policies/services.yaml"), services);
        Packs.write(dir.resolve("rules/special.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.alert.AlertKind
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.catalog.Service
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                // Named: its latency goes to the storefront developers, unlike any other tier-1 service's.
                rule "The ledger's latency is a ticket for storefront-dev"
                    salience 50
                when
                    Alert( service == "ledger-special", kind == AlertKind.LATENCY )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("storefront-dev"), Action.TICKET, "the ledger's latency");
                end

                // Fails for every tier-3 saturation alert, saying which service: each member's failure is its own.
                rule "Tier-3 saturation is not handled yet"
                    salience 50
                when
                    $a : Alert( kind == AlertKind.SATURATION )
                    Service( tier.name == "tier-3" )
                then
                    throw new IllegalStateException("no rule for the saturation of " + $a.service());
                end
                """);
        pack = dir;
    }

    /**
     * Kinds of alerts that tell the classes apart: latency (the ledger's rule), saturation (the failing rule), outage
     * (what depends on what), and a model's drift (models are decided on their own).
     */
    private static final Set<AlertKind> KINDS = Set.of(AlertKind.OUTAGE, AlertKind.LATENCY, AlertKind.SATURATION,
            AlertKind.MODEL_DRIFT);

    /**
     * The domain's shapes of those kinds over a coarser week (every two hours): what is compared is the same either
     * way, in a fraction of the time.
     */
    private static Domain coarse(Domain domain) {
        return new Domain(domain.shapes().stream().filter(shape -> KINDS.contains(shape.kind())).toList(),
                domain.severities(), coarse(domain.week()));
    }

    private static Week coarse(Week week) {
        return new Week(week.monday(), Duration.ofHours(2));
    }

    private static RuleSet load() {
        return Packs.load(pack.resolve("rules"), pack.resolve("policies"));
    }

    private static ExploreReport explore(RuleSet ruleSet, Set<Reduction> reductions) throws Exception {
        Path scenarios = pack.resolve("rules/tests");
        ExploreReport report = new Exploration(new Explorer(EVALUATOR, 2, reductions)).run(ruleSet,
                coarse(Domain.of(ruleSet, DomainSpec.load(scenarios))),
                InvariantFile.load(scenarios, ruleSet.catalog()));
        return report.findingsOnly();
    }

    @Test
    void servicesAlikeAreEvaluatedOncePerClass() {
        RuleSet ruleSet = load();
        ServiceClasses classes = ServiceClasses.of(ruleSet);

        assertThat(classes.classes()).isLessThanOrEqualTo(ruleSet.catalog().services().size() - 2);
        assertThat(classes.representativeOf(ruleSet.catalog().service("extra-01")).name())
                .as("a service with a dependency is its own class").isEqualTo("extra-01");
        assertThat(classes.representativeOf(ruleSet.catalog().service("extra-02")).name())
                .as("a service depended on is its own class").isEqualTo("extra-02");
        assertThat(classes.representativeOf(ruleSet.catalog().service("ledger-special")).name())
                .as("a service a rule names is its own class").isEqualTo("ledger-special");
        assertThat(classes.representativeOf(ruleSet.catalog().service("extra-03")).name()).isEqualTo("extra-00");
        assertThat(classes.representativeOf(ruleSet.catalog().service("extra-07")).name()).isEqualTo("extra-04");
        assertThat(classes.representativeOf(ruleSet.catalog().service("extra-08")).name()).isEqualTo("extra-05");
    }

    @Test
    void theExplorationByClassReportsWhatEvaluatingEveryServiceReports() throws Exception {
        RuleSet ruleSet = load();

        ExploreReport byClass = explore(ruleSet, BY_CLASS);
        ExploreReport everyService = explore(ruleSet, EVERY_SERVICE);

        assertThat(byClass).isEqualTo(everyService);
        assertThat(byClass.failures()).extracting(Finding::text)
                .anyMatch(text -> text.contains("no rule for the saturation of extra-02"))
                .anyMatch(text -> text.contains("no rule for the saturation of extra-05"))
                .anyMatch(text -> text.contains("no rule for the saturation of extra-08"));
    }

    @Test
    void aDiffByClassCountsWhatADiffOfEveryServiceCounts() throws Exception {
        RuleSet base = load();
        Packs.edit(pack.resolve("policies/sla-tiers.yaml"), "ackWithin: PT15M", "ackWithin: PT10M");
        RuleSet changed;
        try {
            changed = load();
        } finally {
            Packs.edit(pack.resolve("policies/sla-tiers.yaml"), "ackWithin: PT10M", "ackWithin: PT15M");
        }
        DomainSpec spec = DomainSpec.load(pack.resolve("rules/tests"));

        // Every four hours: a change of the acknowledgement time shows at any hour; the night's pages every night.
        Week week = new Week(Week.of(spec.week(), base.catalog(), changed.catalog()).monday(), Duration.ofHours(4));
        Predicate<AlertShape> ofTheKinds = shape -> KINDS.contains(shape.kind());
        DiffReport byClass = new RuleSetDiff(new Explorer(EVALUATOR, 2, BY_CLASS)).run(base, changed, spec, week,
                ofTheKinds);
        DiffReport everyService = new RuleSetDiff(new Explorer(EVALUATOR, 2, EVERY_SERVICE)).run(base, changed, spec,
                week, ofTheKinds);

        assertThat(byClass.changed()).isPositive().isEqualTo(everyService.changed());
        assertThat(byClass.compared()).isEqualTo(everyService.compared());
        assertThat(byClass.changes()).isEqualTo(everyService.changes());
        assertThat(byClass.nightPages()).isEqualTo(everyService.nightPages());
    }

    @Test
    void theInvariantsByClassFindWhatCheckingEveryServiceFinds(@TempDir Path invariantsDir) throws Exception {
        RuleSet ruleSet = load();
        Files.writeString(invariantsDir.resolve("invariants.yaml"), Files.readString(pack.resolve(
                "rules/tests/invariants.yaml")) + """

                - name: saturation is never the fallback's
                  when: {kind: saturation}
                  never: {fallback: true}

                - name: the ledger's latency pages
                  when: {kind: latency, service: ledger-special, production: true}
                  always: {action: page}
                """);
        List<Invariant> invariants = InvariantFile.load(invariantsDir, ruleSet.catalog());
        Domain domain = coarse(Domain.of(ruleSet, DomainSpec.load(invariantsDir)));
        List<Invariant> namingNoService = invariants.stream().filter(i -> !i.namesAService()).toList();

        // One check of every invariant with every service evaluated: each verdict is the invariant's own, whatever
        // else is stated.
        List<InvariantResult> everyService = InvariantCheck.run(new Explorer(EVALUATOR, 2, EVERY_SERVICE), ruleSet,
                domain, invariants);
        for (List<Invariant> stated : List.of(invariants, namingNoService)) {
            List<InvariantResult> byClass = InvariantCheck.run(new Explorer(EVALUATOR, 2, BY_CLASS), ruleSet, domain,
                    stated);

            assertThat(byClass).isEqualTo(everyService.stream().filter(r -> stated.stream()
                    .anyMatch(i -> i.name().equals(r.name()))).toList());
            assertThat(byClass).filteredOn(r -> r.name().equals("saturation is never the fallback's")).singleElement()
                    .satisfies(r -> assertThat(r.holds()).isFalse());
        }
    }
}
