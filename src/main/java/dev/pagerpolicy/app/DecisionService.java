package dev.pagerpolicy.app;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.engine.ActiveRuleSet;
import dev.pagerpolicy.engine.Evaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Decides alerts with whatever rule set is active when each one arrives. */
@ApplicationScoped
public class DecisionService {
    @Inject
    ActiveRuleSet active;
    @Inject
    Evaluator evaluator;

    public Decision decide(Alert alert) {
        return evaluator.decide(active.get(), alert);
    }
}
