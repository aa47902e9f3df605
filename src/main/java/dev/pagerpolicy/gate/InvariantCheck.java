package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.explore.Once;
import dev.pagerpolicy.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks invariants over a domain and keeps, for each, how many alerts it was checked against, how many broke it,
 * and the smallest counterexamples: fewest author-declared labels and signals first, then in the domain's order.
 */
public final class InvariantCheck {
    static final int COUNTEREXAMPLES = 3;

    private final List<Invariant> invariants;
    private final long[] checked;
    private final long[] violations;
    private final List<List<Counterexample>> examples = new ArrayList<>();
    private final long[] inconclusive;
    private final List<Retry> retries = new ArrayList<>();

    public InvariantCheck(List<Invariant> invariants) {
        this.invariants = List.copyOf(invariants);
        this.checked = new long[invariants.size()];
        this.violations = new long[invariants.size()];
        this.inconclusive = new long[invariants.size()];
        invariants.forEach(i -> examples.add(new ArrayList<>()));
    }

    /** One counterexample, with what makes it small. */
    record Counterexample(int extras, int shape, int severity, int slot, String text) {
        static final Comparator<Counterexample> SMALLEST = Comparator.comparingInt(Counterexample::extras)
                .thenComparingInt(Counterexample::shape).thenComparingInt(Counterexample::severity)
                .thenComparingInt(Counterexample::slot);
    }

    /** Whether any invariant speaks of this shape at this severity, so that it must be evaluated. */
    boolean concerns(AlertShape shape, Severity severity) {
        return invariants.stream().anyMatch(i -> i.mayApply(shape, severity));
    }

    /**
     * What the invariants found in one shape's evaluations, apart from the shape: for each invariant, how many
     * alerts it applied to, how many broke it, and the first that broke it at each severity. The same for every
     * service of a class, when no invariant names a service.
     */
    private record Found(long[] checked, long[] violations, List<List<Example>> examples, List<Cell> timedOut) {
    }

    /** What an invariant says of one alert: whether it speaks of it, and whether its decision breaks it. */
    private record Verdict(boolean applies, boolean violated) {
        static Verdict of(Invariant invariant, Condition.Subject alert) {
            boolean applies = invariant.appliesTo(alert);
            return new Verdict(applies, applies && invariant.violatedBy(alert));
        }
    }

    /** An alert of a shape, by severity and time. */
    private record Cell(int severity, int slot) {
    }

    /** An alert whose rules ran past the guard: evaluated again alone once the others are done. */
    private record Retry(int shape, int severity, int slot) {
    }

    /** The first alert of a severity that broke an invariant: a counterexample once told of which shape. */
    private record Example(int severity, int slot, Evaluation evaluation) {
    }

    /** Checks every evaluation of one shape (rows of severities not evaluated are null). */
    public void check(int shapeIndex, AlertShape shape, Domain domain, Evaluation[][] evaluations, Catalog catalog) {
        add(shapeIndex, shape, domain, find(shape, domain, evaluations, catalog), catalog);
    }

    private Found find(AlertShape shape, Domain domain, Evaluation[][] evaluations, Catalog catalog) {
        Found found = new Found(new long[invariants.size()], new long[invariants.size()], new ArrayList<>(),
                new ArrayList<>());
        for (int s = 0; s < evaluations.length; s++) {
            for (int slot = 0; evaluations[s] != null && slot < evaluations[s].length; slot++) {
                if (evaluations[s][slot].fallback() == Evaluation.Fallback.TIMED_OUT) {
                    found.timedOut().add(new Cell(s, slot));
                }
            }
        }
        for (int i = 0; i < invariants.size(); i++) {
            Invariant invariant = invariants.get(i);
            List<Example> examples = new ArrayList<>();
            found.examples().add(examples);
            for (int s = 0; s < evaluations.length; s++) {
                Severity severity = domain.severities().get(s);
                if (evaluations[s] == null || !invariant.mayApply(shape, severity)) {
                    continue;
                }
                boolean exampleKept = false;
                // Times decided alike share one evaluation: an invariant that does not read the time says the same of each.
                Map<Evaluation, Verdict> verdicts = new IdentityHashMap<>();
                boolean timed = invariant.isTimed();
                for (int slot = 0; slot < evaluations[s].length; slot++) {
                    Evaluation evaluation = evaluations[s][slot];
                    if (evaluation.fallback() == Evaluation.Fallback.TIMED_OUT) {
                        continue; // no verdict yet: evaluated again alone, after the others
                    }
                    int at = slot;
                    Verdict verdict = timed ? Verdict.of(invariant, new Condition.Subject(shape,
                            severity, domain.week().at(at), catalog, evaluation.decision()))
                            : verdicts.computeIfAbsent(evaluation, e -> Verdict.of(invariant, new Condition.Subject(
                                    shape, severity, domain.week().at(at), catalog, e.decision())));
                    if (!verdict.applies()) {
                        continue;
                    }
                    found.checked()[i]++;
                    if (verdict.violated()) {
                        found.violations()[i]++;
                        // One example per alert and severity, the earliest: other times of it would say the same.
                        if (!exampleKept) {
                            examples.add(new Example(s, slot, evaluation));
                            exampleKept = true;
                        }
                    }
                }
            }
        }
        return found;
    }

    private void add(int shapeIndex, AlertShape shape, Domain domain, Found found, Catalog catalog) {
        found.timedOut().forEach(cell -> retries.add(new Retry(shapeIndex, cell.severity(), cell.slot())));
        for (int i = 0; i < invariants.size(); i++) {
            checked[i] += found.checked()[i];
            violations[i] += found.violations()[i];
            for (Example example : found.examples().get(i)) {
                keep(i, new Counterexample(shape.extras(), shapeIndex, example.severity(), example.slot(),
                        describe(shape, domain.severities().get(example.severity()), domain.week(), example.slot(),
                                example.evaluation(), catalog)));
            }
        }
    }

    private void keep(int invariant, Counterexample example) {
        List<Counterexample> kept = examples.get(invariant);
        if (kept.size() < COUNTEREXAMPLES || Counterexample.SMALLEST.compare(example, kept.get(kept.size() - 1)) < 0) {
            kept.add(example);
            kept.sort(Counterexample.SMALLEST);
            if (kept.size() > COUNTEREXAMPLES) {
                kept.remove(kept.size() - 1);
            }
        }
    }

    /** Adds what another check (of other shapes) found. */
    public void merge(InvariantCheck other) {
        retries.addAll(other.retries);
        for (int i = 0; i < invariants.size(); i++) {
            inconclusive[i] += other.inconclusive[i];
            checked[i] += other.checked[i];
            violations[i] += other.violations[i];
            for (Counterexample example : other.examples.get(i)) {
                keep(i, example);
            }
        }
    }

    /**
     * Evaluates again, one at a time, each alert whose rules ran past the guard while others were evaluated beside
     * it: checked if it finishes now, inconclusive for every invariant that applies to it if it does not.
     */
    void retryAlone(Explorer explorer, RuleSet ruleSet, Domain domain) {
        List<Retry> pending = List.copyOf(retries);
        retries.clear();
        for (Retry retry : pending) {
            AlertShape shape = domain.shapes().get(retry.shape());
            Evaluation evaluation = explorer.evaluateOne(ruleSet, domain, shape, retry.severity(), retry.slot());
            if (evaluation.fallback() != Evaluation.Fallback.TIMED_OUT) {
                Found found = findOne(shape, domain, retry, evaluation, ruleSet.catalog());
                add(retry.shape(), shape, domain, found, ruleSet.catalog());
                continue;
            }
            Severity severity = domain.severities().get(retry.severity());
            Condition.Subject alert = new Condition.Subject(shape, severity, domain.week().at(retry.slot()),
                    ruleSet.catalog(), evaluation.decision());
            for (int i = 0; i < invariants.size(); i++) {
                if (invariants.get(i).mayApply(shape, severity) && invariants.get(i).appliesTo(alert)) {
                    inconclusive[i]++;
                }
            }
        }
    }

    /** What the invariants find in one alert of a shape, evaluated alone. */
    private Found findOne(AlertShape shape, Domain domain, Retry retry, Evaluation evaluation, Catalog catalog) {
        Found own = new Found(new long[invariants.size()], new long[invariants.size()], new ArrayList<>(), List.of());
        Severity severity = domain.severities().get(retry.severity());
        Condition.Subject alert = new Condition.Subject(shape, severity, domain.week().at(retry.slot()), catalog,
                evaluation.decision());
        for (int i = 0; i < invariants.size(); i++) {
            List<Example> examples = new ArrayList<>();
            own.examples().add(examples);
            if (!invariants.get(i).mayApply(shape, severity) || !invariants.get(i).appliesTo(alert)) {
                continue;
            }
            own.checked()[i]++;
            if (invariants.get(i).violatedBy(alert)) {
                own.violations()[i]++;
                examples.add(new Example(retry.severity(), retry.slot(), evaluation));
            }
        }
        return own;
    }

    public List<InvariantResult> results() {
        List<InvariantResult> results = new ArrayList<>();
        for (int i = 0; i < invariants.size(); i++) {
            Invariant invariant = invariants.get(i);
            results.add(new InvariantResult(invariant.name(), invariant.file(), invariant.line(), checked[i],
                    violations[i], examples.get(i).stream().map(Counterexample::text).toList(), inconclusive[i]));
        }
        return results;
    }

    /** "outage/high of checkout-api at Tue 2026-01-13 03:00 UTC: page platform-sre; rules fired: A, B". */
    static String describe(AlertShape shape, Severity severity, Week week, int slot, Evaluation evaluation,
                           Catalog catalog) {
        List<String> fired = evaluation.firedRules();
        return shape.describe(List.of(severity)) + " at "
                + Week.concrete(week.at(slot), shape.service().onCallTeam().timeZone()) + ": "
                + Outcome.of(evaluation.decision()).describe(Outcome.zonesOf(catalog)) + "; rules fired: "
                + (fired.isEmpty() ? "none" : "\"" + String.join("\", \"", fired) + "\"");
    }

    /**
     * Checks {@code invariants} against {@code ruleSet} over the part of the domain they speak of: the gate
     * before a rule set goes live, and the invariants of {@code test}.
     */
    public static List<InvariantResult> run(Explorer explorer, RuleSet ruleSet, Domain domain,
                                            List<Invariant> invariants) {
        if (invariants.isEmpty()) {
            return List.of();
        }
        // What the invariants find in a shape is the same for every service of its class, unless one names a service.
        boolean byClass = invariants.stream().noneMatch(Invariant::namesAService);
        Map<AlertShape, Once<Found>> foundByClass = new ConcurrentHashMap<>();
        List<InvariantCheck> perShape = explorer.forEachShape(domain, index -> {
            AlertShape shape = domain.shapes().get(index);
            InvariantCheck check = new InvariantCheck(invariants);
            Optional<AlertShape> representative = byClass ? explorer.representative(ruleSet, domain, shape)
                    : Optional.empty();
            if (representative.isPresent()) {
                Found found = foundByClass.computeIfAbsent(representative.get(), r -> new Once<>()).get(() ->
                        check.find(representative.get(), domain, explorer.evaluateAlone(ruleSet, domain,
                                representative.get(), s -> check.concerns(representative.get(), s)), ruleSet.catalog()));
                check.add(index, shape, domain, found, ruleSet.catalog());
                return check;
            }
            Evaluation[][] evaluations = explorer.evaluate(ruleSet, domain, shape, s -> check.concerns(shape, s));
            check.check(index, shape, domain, evaluations, ruleSet.catalog());
            return check;
        });
        InvariantCheck total = new InvariantCheck(invariants);
        perShape.forEach(total::merge);
        total.retryAlone(explorer, ruleSet, domain);
        return total.results();
    }
}
