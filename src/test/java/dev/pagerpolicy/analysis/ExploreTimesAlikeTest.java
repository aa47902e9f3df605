package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.TimesAlike;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.explore.Explorer.Reduction;
import dev.pagerpolicy.gate.InvariantCheck;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.Outcome;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times the calendars answer alike are evaluated once, and that proves what evaluating every time proves: for the
 * shipped rules (business hours in four zones, a partner team, holidays, maintenance windows, outages), for rules that
 * read the hour (every time evaluated), and for a calendar that answers with the alert's own time (not shared).
 */
class ExploreTimesAlikeTest {
    private static final Evaluator EVALUATOR = Evaluator.withDefaults().forGate();
    private static final Set<Reduction> BOTH = EnumSet.allOf(Reduction.class);
    /** Every time evaluated, services alike still shared: one reduction compared at a time. */
    private static final Set<Reduction> EVERY_TIME = EnumSet.of(Reduction.SERVICES_ALIKE);
    private static final Set<String> SERVICES = Set.of("checkout-api", "churn-reports");
    private static final Set<AlertKind> KINDS = Set.of(AlertKind.LATENCY, AlertKind.MODEL_DRIFT);

    /** The domain's shapes of two services (one with a partner team and a model) and two kinds, at every time. */
    private static Domain someShapes(RuleSet ruleSet) throws Exception {
        return shapesOf(ruleSet, s -> SERVICES.contains(s.service().name()) && KINDS.contains(s.kind()));
    }

    /** The latency alerts of those two services: what the test's own rule reads, or where it changes what pages. */
    private static Domain latencyShapes(RuleSet ruleSet) throws Exception {
        return shapesOf(ruleSet, s -> SERVICES.contains(s.service().name()) && s.kind() == AlertKind.LATENCY);
    }

    private static Domain shapesOf(RuleSet ruleSet, Predicate<AlertShape> chosen) throws Exception {
        Domain domain = Domain.of(ruleSet, DomainSpec.load(Packs.RULES.resolve("tests")));
        return new Domain(domain.shapes().stream().filter(chosen).toList(), domain.severities(), domain.week());
    }

    @Test
    void theShippedCalendarsAnswerMostTimesOfTheWeekAlike() throws Exception {
        RuleSet shipped = Packs.shipped();
        Domain domain = Domain.of(shipped, DomainSpec.load(Packs.RULES.resolve("tests")));
        TimesAlike alike = new Explorer(EVALUATOR, 1).timesAlike(shipped, domain);

        assertThat(alike.distinct()).isLessThan(domain.week().slots() / 4);
        int mondayOne = 2; // Mon 01:00 UTC, every 30 minutes from Mon 00:00: nobody's business hours
        assertThat(domain.week().at(mondayOne).atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(alike.firstAlike(mondayOne + 1)).as("Mon 01:30 is Mon 01:00 to every team").isEqualTo(0);
        assertThat(alike.firstAlike(mondayOne)).isEqualTo(0);
        assertThat(alike.firstAlike(mondayOne + 48)).as("Tue 01:00 comes before another business day")
                .isNotEqualTo(0);
        assertThat(new Explorer(EVALUATOR, 1, EVERY_TIME).timesAlike(shipped, domain).distinct())
                .as("without times alike every time is evaluated").isEqualTo(domain.week().slots());
    }

    @Test
    void theShippedRulesDecideEachTimeAsWhenEveryTimeIsEvaluated() throws Exception {
        RuleSet shipped = Packs.shipped();
        Domain domain = someShapes(shipped);

        assertSameAtEveryTime(shipped, domain);
        // What the reports make of those decisions, on the production alerts of one kind for each service (the
        // on-call team's latency, the model's drift): each exploration at every time costs as much as a quarter of
        // the comparison above, which the reports cannot contradict unless they read the decisions otherwise than
        // through the explorer.
        Domain production = new Domain(domain.shapes().stream().filter(AlertShape::production)
                .filter(s -> s.kind() == (s.service().name().equals("checkout-api") ? AlertKind.LATENCY
                        : AlertKind.MODEL_DRIFT)).toList(), domain.severities(), domain.week());
        assertThat(explore(shipped, production, BOTH)).isEqualTo(explore(shipped, production, EVERY_TIME));
        var invariants = InvariantFile.load(Packs.RULES.resolve("tests"), shipped.catalog());
        assertThat(InvariantCheck.run(new Explorer(EVALUATOR, 2, BOTH), shipped, production, invariants))
                .isEqualTo(InvariantCheck.run(new Explorer(EVALUATOR, 2, EVERY_TIME), shipped, production, invariants));
    }

    @Test
    void rulesThatReadTheHourAreEvaluatedAtEveryTime(@TempDir Path pack) throws Exception {
        Packs.copyShipped(pack);
        Packs.write(pack.resolve("rules/early.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Latency before 06:00 UTC is a notification"
                    salience 100
                when
                    Alert( kind.wireName() == "latency", $at : firedAt )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                    eval( $at.atZone(java.time.ZoneOffset.UTC).getHour() < 6 )
                then
                    $draft.route($catalog.team("platform-sre"), Action.NOTIFY, "early latency");
                end
                """);
        RuleSet ruleSet = Packs.load(pack.resolve("rules"), pack.resolve("policies"));
        // The latency alerts of the service whose on-call team the rule notifies: the rule reads their hour.
        Domain domain = shapesOf(ruleSet, s -> s.service().name().equals("checkout-api")
                && s.kind() == AlertKind.LATENCY);

        assertThat(ruleSet.timeOnlyThroughCalendars()).isFalse();
        assertThat(new Explorer(EVALUATOR, 1).timesAlike(ruleSet, domain).distinct()).isEqualTo(domain.week().slots());
        assertSameAtEveryTime(ruleSet, domain);
    }

    @Test
    void aCalendarThatAnswersWithTheAlertsOwnTimeIsNotShared(@TempDir Path pack) throws Exception {
        Packs.copyShipped(pack);
        Packs.write(pack.resolve("rules/defer.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.decision.DecisionDraft

                // During business hours the next start of them is the alert's own time: each page waits until it.
                rule "Every page waits for the target's business hours, even within them"
                    salience -100
                when
                    Alert( $at : firedAt )
                    $draft : DecisionDraft( paging, notBefore == null )
                then
                    $draft.deferUntil($draft.getTarget().nextBusinessHoursStart($at), "waits");
                end
                """);
        RuleSet ruleSet = Packs.load(pack.resolve("rules"), pack.resolve("policies"));

        assertThat(ruleSet.timeOnlyThroughCalendars()).isTrue();
        assertSameAtEveryTime(ruleSet, latencyShapes(ruleSet));
    }

    @Test
    void anAlertSharesEveryTimeWhoseCalendarsAnswerWhatItsRulesAskedAlikeEvenWhenOneAnswerDecidesTheNextQuestion(
            @TempDir Path pack) throws Exception {
        Packs.copyShipped(pack);
        // fraud-ml's holidays are asked only outside platform-sre's hours, and only for latency alerts.
        Packs.write(pack.resolve("rules/quiet.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Latency outside platform-sre's hours on a fraud-ml holiday is a notification"
                    salience 100
                when
                    Alert( kind.wireName() == "latency", $at : firedAt )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                    eval( !$catalog.team("platform-sre").isWithinBusinessHours($at)
                            && $catalog.team("fraud-ml").isHoliday($at) )
                then
                    $draft.route($catalog.team("platform-sre"), Action.NOTIFY, "a quiet holiday");
                end
                """);
        RuleSet ruleSet = Packs.load(pack.resolve("rules"), pack.resolve("policies"));
        Domain domain = latencyShapes(ruleSet);

        assertThat(ruleSet.timeOnlyThroughCalendars()).isTrue();
        assertSameAtEveryTime(ruleSet, domain);
        Explorer reduced = new Explorer(EVALUATOR, 1, BOTH);
        List<String> fired = new ArrayList<>();
        for (AlertShape shape : domain.shapes()) {
            for (Evaluation[] row : reduced.evaluate(ruleSet, domain, shape)) {
                for (Evaluation evaluation : row) {
                    fired.addAll(evaluation.firedRules());
                }
            }
        }
        assertThat(fired).as("the rule fires for some alerts").contains(
                "Latency outside platform-sre's hours on a fraud-ml holiday is a notification");
        long groupsOfTimes = (long) domain.shapes().size() * domain.severities().size()
                * reduced.timesAlike(ruleSet, domain).distinct();
        assertThat(reduced.rulesRun(ruleSet, domain)).as("of %d groups of times alike for all calendars", groupsOfTimes)
                .isLessThan(groupsOfTimes / 4);
    }

    /** Every alert of the domain is decided alike, field by field and rule by rule, with and without sharing times. */
    private static void assertSameAtEveryTime(RuleSet ruleSet, Domain domain) {
        Explorer reduced = new Explorer(EVALUATOR, 2, BOTH);
        Explorer everyTime = new Explorer(EVALUATOR, 2, EVERY_TIME);
        List<String> differences = new ArrayList<>();
        everyTime.forEachShape(domain, index -> {
            AlertShape shape = domain.shapes().get(index);
            Evaluation[][] shared = reduced.evaluate(ruleSet, domain, shape);
            Evaluation[][] each = everyTime.evaluate(ruleSet, domain, shape);
            List<String> differ = new ArrayList<>();
            for (int s = 0; s < each.length; s++) {
                for (int slot = 0; slot < each[s].length; slot++) {
                    if (!Outcome.of(shared[s][slot].decision()).equals(Outcome.of(each[s][slot].decision()))
                            || !shared[s][slot].firedRules().equals(each[s][slot].firedRules())) {
                        differ.add(shape + " " + domain.severities().get(s) + " at " + domain.week().at(slot));
                    }
                }
            }
            return differ;
        }).forEach(differences::addAll);
        assertThat(differences).isEmpty();
    }

    private static ExploreReport explore(RuleSet ruleSet, Domain domain, Set<Reduction> reductions) throws Exception {
        return new Exploration(new Explorer(EVALUATOR, 2, reductions)).run(ruleSet, domain,
                InvariantFile.load(Packs.RULES.resolve("tests"), ruleSet.catalog())).findingsOnly();
    }
}
