package dev.pagerpolicy.scenario;

import dev.pagerpolicy.engine.Evaluation;
import java.util.List;

/** The outcome of one scenario: each mismatch as "expected X, got Y", and what the engine did. */
public record ScenarioResult(String file, int line, String name, List<String> mismatches, Evaluation evaluation) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
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
