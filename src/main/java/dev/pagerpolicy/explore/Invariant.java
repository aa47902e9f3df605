package dev.pagerpolicy.explore;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Decision;
import java.util.List;

/**
 * A property every decision of the domain must have: within {@code when}, a decision must never match {@code
 * then} ({@code never}), or must always match it ({@code always}). Written in {@value InvariantFile#FILE}.
 */
public record Invariant(String name, String file, int line, List<Condition> when, boolean always,
                        List<Condition> then) {
    public Invariant {
        when = List.copyOf(when);
        then = List.copyOf(then);
    }

    /** Whether it speaks of alerts of this shape and severity at all. */
    boolean applies(AlertShape shape, Severity severity) {
        return when.stream().allMatch(c -> c.holds(shape, severity, null));
    }

    /** Whether {@code decision}, for an alert it applies to, breaks it. */
    boolean violatedBy(AlertShape shape, Severity severity, Decision decision) {
        boolean matches = then.stream().allMatch(c -> c.holds(shape, severity, decision));
        return always != matches;
    }
}
