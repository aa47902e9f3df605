package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.domain.AlertShape;
import java.util.List;
import java.util.stream.Stream;

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

    /** Whether a condition of it names a service: then services alike are not alike to it. */
    public boolean namesAService() {
        return Stream.concat(when.stream(), then.stream()).anyMatch(c -> c.field().equals("service"));
    }

    /** Whether a condition of it reads the time the alert fired (a maintenance window): two times alike decided may differ to it. */
    boolean isTimed() {
        return Stream.concat(when.stream(), then.stream()).anyMatch(Condition::isTimed);
    }

    /** Whether it may speak of alerts of this shape and severity, at some time: those need evaluating. */
    boolean mayApply(AlertShape shape, Severity severity) {
        Condition.Subject subject = new Condition.Subject(shape, severity, null, null, null);
        return when.stream().filter(c -> !c.isTimed()).allMatch(c -> c.holds(subject));
    }

    /** Whether it speaks of this alert, fired at this time (e.g. during a maintenance window). */
    boolean appliesTo(Condition.Subject alert) {
        return when.stream().allMatch(c -> c.holds(alert));
    }

    /** Whether the decision of an alert it applies to breaks it. */
    boolean violatedBy(Condition.Subject decided) {
        boolean matches = then.stream().allMatch(c -> c.holds(decided));
        return always != matches;
    }
}
