package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explore, diff and invariants cover each alert while nothing is firing, while its service is down and while each
 * service it depends on is down: the shipped pack with a feature store that recommendations reads from.
 */
class OutageExplorationTest {
    private static final Explorer EXPLORER = new Explorer(Evaluator.withDefaults().forGate(), 2);
    private static final String NO_ML_TEAM = "no ML team is woken for an outage it does not own";

    @TempDir
    Path dir;

    @BeforeEach
    void aFeatureStoreUpstreamOfRecommendations() {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/services.yaml"), "  - name: recommendations\n", """
                  - name: feature-store
                    tier: tier-1
                    onCallTeam: platform-sre
                    devTeam: analytics-dev
                  - name: recommendations
                    dependsOn: [feature-store]
                """);
    }

    private RuleSet load() {
        return Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    /** Every six hours of the week: what differs with what is firing differs at any hour. */
    private static Domain coarse(Domain domain) {
        return new Domain(domain.shapes(), domain.severities(), new Week(Week.DEFAULT_MONDAY, Duration.ofHours(6)));
    }

    private ExploreReport explore(RuleSet ruleSet) throws Exception {
        Path tests = dir.resolve("rules/tests");
        return new Exploration(EXPLORER).run(ruleSet, coarse(Domain.of(ruleSet, DomainSpec.load(tests))),
                InvariantFile.load(tests, ruleSet.catalog()));
    }

    private static InvariantResult named(ExploreReport report, String name) {
        return report.invariants().stream().filter(result -> result.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachAlertComesAlsoDuringAnOutageOfItsServiceAndOfEachServiceUpstream() {
        Domain domain = Domain.of(load(), DomainSpec.NONE);

        assertThat(domain.shapes()).filteredOn(shape -> shape.service().name().equals("recommendations")
                        && shape.model() == null && shape.kind().wireName().equals("latency") && shape.production())
                .extracting(AlertShape::subject).containsExactly("recommendations",
                        "recommendations (while recommendations is down)",
                        "recommendations (while recommendations is down (page held for business hours))",
                        "recommendations (while recommendations is down (ticketed))",
                        "recommendations (while recommendations is down in staging)",
                        "recommendations (while feature-store is down)",
                        "recommendations (while feature-store is down (page held for business hours))");
        assertThat(domain.shapes()).filteredOn(shape -> shape.service().name().equals("checkout-api")
                        && shape.model() == null && shape.kind().wireName().equals("latency") && shape.production())
                .extracting(AlertShape::subject).containsExactly("checkout-api", "checkout-api (while checkout-api is down)",
                        "checkout-api (while checkout-api is down (page held for business hours))",
                        "checkout-api (while checkout-api is down (ticketed))",
                        "checkout-api (while checkout-api is down in staging)");
    }

    @Test
    void anOutageUpstreamWakesNoMlTeamWithTheShippedRules() throws Exception {
        ExploreReport report = explore(load());

        InvariantResult noMlTeam = named(report, NO_ML_TEAM);
        assertThat(noMlTeam.counterexamples()).isEmpty();
        assertThat(report.invariants()).allMatch(InvariantResult::holds);
        assertThat(report.gaps()).isEmpty();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void withoutTheRulesOnWhatIsFiringTheInvariantIsViolatedByAnAlertThatStandsForEverySituation() throws Exception {
        Files.delete(dir.resolve("rules/correlation.drl"));
        Files.delete(dir.resolve("rules/tests/correlation.yaml"));

        ExploreReport report = explore(load());

        // Nothing reads what is firing, so the domain has no alert during an outage: each alert is decided alike
        // whatever is firing, and stands for its outages too.
        InvariantResult noMlTeam = named(report, NO_ML_TEAM);
        assertThat(noMlTeam.holds()).isFalse();
        assertThat(noMlTeam.counterexamples().get(0)).startsWith("outage/critical of churn-reports (model"
                + " churn-predictor) at Mon 2026-01-12 00:00 UTC (Sun 19:00 America/New_York): page analytics-dev");
    }

    @Test
    void aDiffNamesTheOutagesItsChangesComeDuring() {
        RuleSet base = load();
        Packs.edit(dir.resolve("rules/correlation.drl"),
                "FiringAlert( kind == AlertKind.OUTAGE, environment == $environment, awakeAt($at), $down",
                "FiringAlert( kind == AlertKind.OUTAGE, environment == $environment, awakeAt($at),"
                        + " service != \"feature-store\", $down");

        DiffReport report = new RuleSetDiff(EXPLORER).run(base, load(), DomainSpec.NONE,
                new Week(Week.DEFAULT_MONDAY, Duration.ofHours(6)));

        assertThat(report.changed()).isPositive();
        // Only the model's alerts while the feature store is down change: they are no longer explained by its outage.
        assertThat(report.changes()).extracting(Finding::text).allMatch(line -> line.contains(
                " of recommendations (model product-recs") && line.contains(", while feature-store is down,"));
        assertThat(report.changes()).extracting(Finding::text).contains(
                "model_performance/critical of recommendations (model product-recs), while feature-store is down,"
                        + " all week: notify platform-sre → page platform-sre; ackWithin none → PT15M; escalation none"
                        + " → storefront-dev after PT15M, then recs-ml after PT30M; followUps none → ticket recs-ds");
    }

    @Test
    void anInvariantNamesOnlySituationsThereAre() throws Exception {
        Packs.write(dir.resolve("rules/tests/invariants.yaml"), """
                - name: sideways
                  when: {outage: sideways}
                  never: {action: page}
                """);

        InvalidSourceException refused = Assertions.catchThrowableOfType(
                () -> InvariantFile.load(dir.resolve("rules/tests"), load().catalog()), InvalidSourceException.class);

        assertThat(refused.problems()).extracting(Object::toString).containsExactly(dir.resolve(
                "rules/tests/invariants.yaml") + ":2: invariant \"sideways\": when.outage: \"sideways\" is not an outage"
                + " (none, service, upstream, service-held, upstream-held, service-ticket, other-environment)");
    }

    @Test
    void aRuleThatTakesAnythingFiringForSomeoneAwakeBreaksTheInvariantOnCriticalOutages() throws Exception {
        Packs.write(dir.resolve("rules/anything-firing.drl"), """
                package rules
                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.alert.AlertKind
                import dev.pagerpolicy.alert.Severity
                import dev.pagerpolicy.catalog.Service
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft
                import dev.pagerpolicy.decision.FiringAlert

                rule "A critical outage while anything is firing is only a notify"
                    salience 30
                when
                    Alert( kind == AlertKind.OUTAGE, severity == Severity.CRITICAL )
                    exists FiringAlert()
                    Service( $onCall : onCallTeam )
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($onCall, Action.NOTIFY, "something is already firing");
                end
                """);

        ExploreReport report = explore(load());

        InvariantResult awake = named(report, "a critical production outage always reaches someone awake");
        assertThat(awake.holds()).isFalse();
        assertThat(awake.counterexamples()).anyMatch(line -> line.contains("page held for business hours")
                && line.contains("notify platform-sre"));
        assertThat(awake.counterexamples()).anyMatch(line -> line.contains("(ticketed)"));
        assertThat(awake.counterexamples()).anyMatch(line -> line.contains("is down in staging"));
    }

    @Test
    void aFindingTrueWhateverIsFiringNamesNoSituation() {
        List<Finding> lines = Finding.merge(List.of(
                new Finding(List.of("latency"), List.of("low"), "checkout-api", List.of("nothing is firing"), "all week",
                        "ticket", 10, 2),
                new Finding(List.of("latency"), List.of("low"), "checkout-api", List.of("checkout-api is down"),
                        "all week", "ticket", 10, 2),
                new Finding(List.of("outage"), List.of("low"), "checkout-api", List.of("nothing is firing"), "all week",
                        "ticket", 10, 2)));

        assertThat(lines).extracting(Finding::text).containsExactly(
                "latency/low of checkout-api, all week: ticket",
                "outage/low of checkout-api, while nothing is firing, all week: ticket");
    }
}
