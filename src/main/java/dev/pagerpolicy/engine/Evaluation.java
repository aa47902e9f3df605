package dev.pagerpolicy.engine;

import dev.pagerpolicy.decision.Decision;
import java.util.List;

/** A decision together with every rule that fired to make it, in firing order (for coverage and metrics). */
public record Evaluation(Decision decision, List<String> firedRules) {
    public Evaluation {
        firedRules = List.copyOf(firedRules);
    }
}
