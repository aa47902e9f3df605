package dev.pagerpolicy.evaluate;

import dev.pagerpolicy.decision.Decision;
import java.util.List;

/**
 * A decision together with every rule that fired to make it, in firing order (for coverage and metrics; for a
 * routing conflict, the rule the router conflicts with comes last), and why the fallback decided if it did.
 */
public record Evaluation(Decision decision, List<String> firedRules, Fallback fallback) {
    public Evaluation {
        firedRules = List.copyOf(firedRules);
    }

    /** Why the fallback decided instead of the rules; {@link #NONE} when the rules decided. */
    public enum Fallback {
        NONE,
        /** The alert names a service or model the catalog does not have. */
        UNKNOWN_INPUT,
        /** The rules ran cleanly and no rule routed the alert: a gap in the rules. */
        UNDECIDED,
        /** A rule threw. */
        FAILED,
        /** The rules fired up to the firing limit without settling. */
        LOOPED,
        /** The rules ran past the time limit. */
        TIMED_OUT,
        /** Two rules routed the alert differently. */
        CONFLICT;

        /** Whether the rules misbehaved, as opposed to deciding, or not deciding, cleanly. */
        public boolean isFailure() {
            return this == FAILED || this == LOOPED || this == TIMED_OUT || this == CONFLICT;
        }
    }
}
