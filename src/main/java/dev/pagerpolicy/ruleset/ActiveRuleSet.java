package dev.pagerpolicy.ruleset;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one rule set that decides right now. Each decision reads it once and keeps using what it read, so a
 * swap never gives a request a mix of two sets; a reload replaces it whole, and only with a set that is
 * already compiled and validated.
 */
public final class ActiveRuleSet {
    private final AtomicReference<RuleSet> current;
    private final Clock clock;

    public ActiveRuleSet(RuleSet initial) {
        this(initial, Clock.systemUTC());
    }

    /** @param clock stamps each set with the instant it becomes active: its {@code loadedAt} */
    public ActiveRuleSet(RuleSet initial, Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(initial.activeSince(clock.instant()));
    }

    public RuleSet get() {
        return current.get();
    }

    /** Makes {@code next} the active set; a set of the same version (new warnings only) keeps the time it began. */
    public void replace(RuleSet next) {
        RuleSet now = current.get();
        current.set(next.activeSince(next.version().equals(now.version()) ? now.loadedAt() : clock.instant()));
    }
}
