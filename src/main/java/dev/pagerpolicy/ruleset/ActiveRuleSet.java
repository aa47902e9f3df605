package dev.pagerpolicy.ruleset;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one rule set that decides right now. Each decision reads it once and keeps using what it read, so a
 * swap never gives a request a mix of two sets; a reload replaces it whole, and only with a set that is
 * already compiled and validated. A service starting has none until its first set passed the gate.
 */
public final class ActiveRuleSet {
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final Clock clock;

    public ActiveRuleSet(RuleSet initial) {
        this(initial, Clock.systemUTC());
    }

    /** @param clock stamps each set with the instant it becomes active: its {@code loadedAt} */
    public ActiveRuleSet(RuleSet initial, Clock clock) {
        this(clock);
        replace(initial);
    }

    private ActiveRuleSet(Clock clock) {
        this.clock = clock;
    }

    /** None active until the first {@link #replace}: a service whose first rule set is still in its gate. */
    public static ActiveRuleSet awaitingFirst(Clock clock) {
        return new ActiveRuleSet(clock);
    }

    public boolean isActive() {
        return current.get() != null;
    }

    /** @throws NoActiveRuleSetException while the first rule set is still being verified */
    public RuleSet get() {
        RuleSet now = current.get();
        if (now == null) {
            throw new NoActiveRuleSetException();
        }
        return now;
    }

    /** Makes {@code next} the active set; a set of the same version (new warnings only) keeps the time it began. */
    public void replace(RuleSet next) {
        RuleSet now = current.get();
        boolean sameRules = now != null && next.version().equals(now.version());
        current.set(next.activeSince(sameRules ? now.loadedAt() : clock.instant()));
    }
}
