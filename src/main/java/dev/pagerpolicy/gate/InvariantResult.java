package dev.pagerpolicy.gate;

import dev.pagerpolicy.source.Problem;
import java.util.List;

/**
 * How one invariant fared over the domain.
 *
 * @param checked         how many classes of alerts it applies to
 * @param violations      how many of them break it
 * @param counterexamples the smallest of those, concretely: alert, time, decision and rules fired
 * @param inconclusive    how many classes it applies to whose rules ran past the gate's wall-clock guard, alone
 *                        too: neither checked nor violated, since the machine's speed must not decide a verdict
 */
public record InvariantResult(String name, String file, int line, long checked, long violations,
                              List<String> counterexamples, long inconclusive) {
    public InvariantResult {
        counterexamples = List.copyOf(counterexamples);
    }

    public InvariantResult(String name, String file, int line, long checked, long violations,
                           List<String> counterexamples) {
        this(name, file, line, checked, violations, counterexamples, 0);
    }

    /**
     * Whether no alert breaks it, and it speaks of some alert: an invariant whose {@code when} matches no alert of the
     * domain (a misspelt label, a value no alert carries) checks nothing, and would hold whatever the rules did.
     */
    public boolean holds() {
        return violations == 0 && !checksNothing();
    }

    /** Whether it applies to no alert of the domain, none inconclusive either. */
    public boolean checksNothing() {
        return checked == 0 && inconclusive == 0;
    }

    /** "FILE:LINE: invariant "..." is inconclusive for N alerts: ...", when it is. */
    public String inconclusiveLine() {
        return file + ":" + line + ": invariant \"" + name + "\" is inconclusive for " + inconclusive + " of "
                + (checked + inconclusive) + " alerts: their rules ran past the gate's wall-clock guard, twice (the"
                + " second time alone); their verdict is unknown, not violated";
    }

    /** The violation as the gate reports it, at the invariant's line. */
    public Problem problem() {
        if (checksNothing()) {
            return new Problem(file, line, "invariant \"" + name + "\" applies to no alert of the domain: its when"
                    + " matches nothing (a misspelt label or value, or one no alert carries; domain.yaml names the"
                    + " label values explored), so it would hold whatever the rules did");
        }
        return new Problem(file, line, "invariant \"" + name + "\" is violated by " + violations + " of " + checked
                + " alerts, e.g. " + String.join(" | ", counterexamples));
    }
}
