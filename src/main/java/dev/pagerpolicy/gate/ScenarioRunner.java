package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.evaluate.ReadingReasons;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.Located;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs scenarios through the same {@link Evaluator} the service decides with; there is no second engine. */
public final class ScenarioRunner {
    private final Evaluator evaluator;
    private final Clock clock;

    /**
     * @param evaluator the service's evaluator; scenarios (and the invariants that share this evaluator) run with its
     *                  {@linkplain Evaluator#forGate() gate form}: the same firing limit, no serving time limit, so
     *                  that a verdict does not depend on how fast or busy the machine is
     */
    public ScenarioRunner(Evaluator evaluator, Clock clock) {
        this(evaluator, clock, Evaluator.GATE_GUARD);
    }

    /** @param guard the gate's wall-clock guard: a scenario that runs past it, alone too, is inconclusive */
    ScenarioRunner(Evaluator evaluator, Clock clock, Duration guard) {
        this.evaluator = evaluator.forGate(guard);
        this.clock = clock;
    }

    /** The evaluator it decides with, which the rest of the gate (the invariants) shares. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** What the scenario says is firing, of the alert's service and the services it depends on. */
    private static List<FiringAlert> firingFor(RuleSet ruleSet, Alert alert, Scenario scenario) {
        if (scenario.firing().isEmpty() || alert.service() == null) {
            return List.of();
        }
        Set<String> concerned = ruleSet.catalog().withUpstream(alert.service());
        List<FiringAlert> firing = new ArrayList<>();
        for (int i = 0; i < scenario.firing().size(); i++) {
            FiredBefore before = scenario.firing().get(i);
            if (concerned.contains(before.service())) {
                firing.add(before.asFiring(i + 1, alert.firedAt()));
            }
        }
        return firing;
    }

    /**
     * A service or team the policies lack, named by what the scenario says is firing: such an alert would explain
     * nothing (no service of the catalog is it), so the scenario could pass for a reason its author did not mean.
     */
    private static List<String> unknownNamesFiring(RuleSet ruleSet, Scenario scenario) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < scenario.firing().size(); i++) {
            FiredBefore before = scenario.firing().get(i);
            if (!ruleSet.catalog().services().containsKey(before.service())) {
                unknown.add("firing #" + (i + 1) + ": service \"" + before.service() + "\" is not defined in the policies");
            }
            if (!ruleSet.catalog().teams().containsKey(before.team())) {
                unknown.add("firing #" + (i + 1) + ": team \"" + before.team() + "\" is not defined in the policies");
            }
        }
        return unknown;
    }

    public ScenarioResult run(RuleSet ruleSet, Located<Scenario> located) {
        Scenario scenario = located.value();
        InputReader.Read read = InputReader.read(scenario.alert(), ruleSet.catalog().inputs(), LabelNames.DEFAULT,
                clock.instant());
        Alert alert = read.alert();
        if (scenario.at() != null) {
            alert = new Alert(alert.id(), alert.kind(), alert.severity(), alert.service(), alert.model(),
                    alert.environment(), scenario.at(), alert.labels(), alert.signals());
        }
        Evaluation evaluated = evaluator.evaluate(ruleSet, alert, read.unreadCause("the alert"),
                firingFor(ruleSet, alert, scenario));
        // The decision the service would answer: its reasons begin with how the alert was read.
        Evaluation evaluation = new Evaluation(evaluated.decision()
                .withReasonsFirst(ReadingReasons.of(read, evaluated.decision())),
                evaluated.firedRules(), evaluated.fallback());
        List<String> mismatches = new ArrayList<>(unknownNamesFiring(ruleSet, scenario));
        mismatches.addAll(ExpectationCheck.mismatches(scenario.expect(), evaluation.decision(), evaluation.firedRules()));
        // A conflict fails the scenario whatever it expects: the rules' order, not the author, decided. An
        // evaluator that searches every decision has already made a conflict the fallback.
        if (!evaluation.decision().fallback() && !evaluator.searchesConflictsPerDecision()) {
            evaluator.routingConflict(ruleSet, alert).ifPresent(mismatches::add);
        }
        return new ScenarioResult(located.file(), located.line(), scenario.name(), mismatches, evaluation);
    }

    /**
     * Every scenario, on all cores (the gate runs them at start-up, before the port opens); results in order. A
     * scenario that ran past the wall-clock guard is run again alone, after the others, and is inconclusive if it
     * does so again: the machine's speed must not decide a verdict.
     */
    public List<ScenarioResult> runAll(RuleSet ruleSet, List<Located<Scenario>> scenarios) {
        List<ScenarioResult> results = runInParallel(ruleSet, scenarios);
        List<ScenarioResult> retried = new ArrayList<>(results);
        for (int i = 0; i < results.size(); i++) {
            if (timedOut(results.get(i))) {
                ScenarioResult alone = run(ruleSet, scenarios.get(i));
                retried.set(i, timedOut(alone) ? alone.asInconclusive() : alone);
            }
        }
        return retried;
    }

    private static boolean timedOut(ScenarioResult result) {
        return result.evaluation().fallback() == Evaluation.Fallback.TIMED_OUT;
    }

    private List<ScenarioResult> runInParallel(RuleSet ruleSet, List<Located<Scenario>> scenarios) {
        try {
            return scenarios.parallelStream().map(s -> run(ruleSet, s)).toList();
        } catch (RuntimeException | Error e) {
            // A failure on another thread of the pool reaches this one as a new instance of its class that wraps
            // it (an OutOfMemoryError then loses "Java heap space"): throw the original, which says what happened.
            Throwable original = e.getCause() != null && e.getCause().getClass() == e.getClass() ? e.getCause() : e;
            if (original instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) original;
        }
    }
}
