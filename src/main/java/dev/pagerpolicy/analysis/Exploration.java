package dev.pagerpolicy.analysis;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.Moment;
import dev.pagerpolicy.evaluate.Evaluation.Fallback;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.Invariant;
import dev.pagerpolicy.gate.InvariantCheck;
import dev.pagerpolicy.gate.Outcome;
import dev.pagerpolicy.ruleset.RuleSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code explore}: evaluates every alert of the domain once and reports what a person must look at. */
public final class Exploration {
    private final Explorer explorer;

    public Exploration(Explorer explorer) {
        this.explorer = explorer;
    }

    /** What one shape of alert contributes to the report. */
    private record ShapeReport(List<Finding> gaps, List<Finding> failures, Set<String> fired,
                               Map<String, List<Finding>> woken, InvariantCheck invariants) {
    }

    public ExploreReport run(RuleSet ruleSet, Domain domain, List<Invariant> invariants) {
        long started = System.nanoTime();
        Catalog catalog = ruleSet.catalog();
        List<ShapeReport> reports = explorer.forEachShape(domain, index -> {
            AlertShape shape = domain.shapes().get(index);
            Evaluation[][] evaluations = explorer.evaluate(ruleSet, domain, shape);
            InvariantCheck check = new InvariantCheck(invariants);
            check.check(index, shape, domain, evaluations, catalog);
            return report(shape, domain, evaluations, catalog, check);
        });
        List<Finding> gaps = new ArrayList<>();
        List<Finding> failures = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        Map<String, List<Finding>> woken = new TreeMap<>();
        InvariantCheck invariantsTotal = new InvariantCheck(invariants);
        for (ShapeReport report : reports) {
            gaps.addAll(report.gaps());
            failures.addAll(report.failures());
            fired.addAll(report.fired());
            report.woken().forEach((team, findings) -> woken.computeIfAbsent(team, t -> new ArrayList<>()).addAll(findings));
            invariantsTotal.merge(report.invariants());
        }
        Map<String, ExploreReport.Wakes> wakes = new LinkedHashMap<>();
        woken.forEach((team, findings) -> wakes.put(team, new ExploreReport.Wakes(
                findings.stream().mapToLong(Finding::inputClasses).sum(), Finding.merge(findings))));
        // A rule on alerts already firing may wait for what the domain does not make up (it makes up outages paged to
        // the on-call team, nothing else): it is not called dead for not firing.
        List<String> dead = ruleSet.ruleNames().stream().filter(rule -> !fired.contains(rule))
                .filter(rule -> !ruleSet.rulesOnFiringAlerts().contains(rule)).toList();
        return new ExploreReport(ruleSet.version(), domain.size(), domain.shapes().size(),
                domain.week().monday().toString(), domain.week().step().toString(), domain.week().slots(),
                explorer.timesAlike(ruleSet, domain).distinct(), explorer.rulesRun(ruleSet, domain), labelled(domain),
                domain.week().moments().stream().map(Moment::label).toList(),
                (System.nanoTime() - started) / 1_000_000, Finding.merge(gaps), Finding.merge(failures), dead, wakes, invariantsTotal.results());
    }

    /** Each set of labels, and of signals, the domain's alerts carry: "labelled name=value", "with signals name=0.4". */
    private static List<String> labelled(Domain domain) {
        return java.util.stream.Stream.concat(
                domain.shapes().stream().map(AlertShape::labels).filter(l -> !l.isEmpty()).map(l -> "labelled " + named(l)),
                domain.shapes().stream().map(AlertShape::signals).filter(s -> !s.isEmpty())
                        .map(s -> "with signals " + named(s))).distinct().toList();
    }

    private static String named(Map<String, ?> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static ShapeReport report(AlertShape shape, Domain domain, Evaluation[][] evaluations, Catalog catalog,
                                      InvariantCheck invariants) {
        Function<String, ZoneId> zones = Outcome.zonesOf(catalog);
        Timeline gaps = new Timeline(shape, domain.severities(), domain.week());
        Timeline failures = new Timeline(shape, domain.severities(), domain.week());
        Map<String, Timeline> woken = new TreeMap<>();
        Set<String> fired = new HashSet<>();
        for (int s = 0; s < evaluations.length; s++) {
            for (int slot = 0; slot < evaluations[s].length; slot++) {
                Evaluation evaluation = evaluations[s][slot];
                Decision decision = evaluation.decision();
                fired.addAll(evaluation.firedRules());
                if (evaluation.fallback() == Fallback.UNDECIDED) {
                    gaps.mark(s, slot, "no rule decides; the fallback: " + Outcome.of(decision).describe(zones));
                } else if (evaluation.fallback().isFailure()) {
                    failures.mark(s, slot, cause(decision));
                }
                Team target = Outcome.pagedAtNight(decision, catalog, domain.week().at(slot));
                if (target != null) {
                    woken.computeIfAbsent(target.name(), t -> new Timeline(shape, domain.severities(), domain.week()))
                            .mark(s, slot, decision.fallback() ? "paged at once by the fallback" : "paged at once");
                }
            }
        }
        Team onCall = shape.service().onCallTeam();
        Map<String, List<Finding>> wakes = new TreeMap<>();
        woken.forEach((team, timeline) -> wakes.put(team, timeline.findings(catalog.teams().get(team))));
        return new ShapeReport(gaps.findings(onCall), failures.findings(onCall), fired, wakes, invariants);
    }

    /** The fallback's reason without the fallback's own part, which is the same for every failure. */
    private static String cause(Decision decision) {
        String reason = decision.reasons().get(0).explanation();
        int fallbackPart = reason.indexOf("; the fallback team");
        return fallbackPart < 0 ? reason : reason.substring(0, fallbackPart);
    }
}
