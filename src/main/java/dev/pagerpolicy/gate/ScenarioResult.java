package dev.pagerpolicy.gate;

import dev.pagerpolicy.evaluate.Evaluation;
import java.util.List;

/**
 * The outcome of one scenario: each mismatch as "expected X, got Y", and what the engine did. An inconclusive
 * scenario is one whose rules ran past the gate's wall-clock guard, alone too: its verdict is unknown, and it is
 * reported, never failed, since a busy machine must not refuse a correct rule set.
 */
public record ScenarioResult(String file, int line, String name, List<String> mismatches, Evaluation evaluation,
                             boolean inconclusive) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    public ScenarioResult(String file, int line, String name, List<String> mismatches, Evaluation evaluation) {
        this(file, line, name, mismatches, evaluation, false);
    }

    /** The same scenario, of unknown verdict: what it found is dropped, since the rules did not finish. */
    ScenarioResult asInconclusive() {
        return new ScenarioResult(file, line, name, List.of(), evaluation, true);
    }

    /** Not failed: no mismatch, or no verdict at all ({@link #inconclusive()}). */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** "FILE:LINE: scenario "...": inconclusive: ...", as {@code test} and the gate report it. */
    public String inconclusiveLine() {
        return file + ":" + line + ": scenario \"" + name + "\" is inconclusive: the rules ran past the gate's"
                + " wall-clock guard, twice (the second time alone); its verdict is unknown, not failed";
    }

    /** One line per failure, as {@code test} prints it: {@code FILE:LINE: } and the {@link #summary()}. */
    public String failureLine() {
        return file + ":" + line + ": " + summary();
    }

    /** The scenario, what did not match, the rules that fired, and why the fallback decided if it did. */
    public String summary() {
        boolean fallbackSaid = mismatches.stream().anyMatch(m -> m.contains("got the fallback: "));
        String fallback = evaluation.decision().fallback() && !fallbackSaid
                ? "; the fallback decided: " + ExpectationCheck.fallbackReason(evaluation.decision()) : "";
        return "scenario \"" + name + "\": " + String.join("; ", mismatches) + fallback
                + " (rules fired: " + (evaluation.firedRules().isEmpty() ? "none"
                : String.join(", ", evaluation.firedRules().stream().distinct().toList())) + ")";
    }
}
