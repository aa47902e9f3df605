package dev.pagerpolicy.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one rule set that decides right now. Each decision reads it once and keeps using what it read, so a
 * swap never gives a request a mix of two sets; a reload replaces it whole, and only with a set that is
 * already compiled and validated.
 */
public final class ActiveRuleSet {
    private final AtomicReference<RuleSet> current;

    public ActiveRuleSet(RuleSet initial) {
        this.current = new AtomicReference<>(initial);
    }

    public RuleSet get() {
        return current.get();
    }

    public void replace(RuleSet next) {
        current.set(next);
    }
}
