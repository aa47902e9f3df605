package dev.pagerpolicy.explore;

import dev.pagerpolicy.source.Problem;
import java.util.List;

/**
 * How one invariant fared over the domain.
 *
 * @param checked         how many classes of alerts it applies to
 * @param violations      how many of them break it
 * @param counterexamples the smallest of those, concretely: alert, time, decision and rules fired
 */
public record InvariantResult(String name, String file, int line, long checked, long violations,
                              List<String> counterexamples) {
    public InvariantResult {
        counterexamples = List.copyOf(counterexamples);
    }

    public boolean holds() {
        return violations == 0;
    }

    /** The violation as the gate reports it, at the invariant's line. */
    public Problem problem() {
        return new Problem(file, line, "invariant \"" + name + "\" is violated by " + violations + " of " + checked
                + " alerts, e.g. " + String.join(" | ", counterexamples));
    }
}
