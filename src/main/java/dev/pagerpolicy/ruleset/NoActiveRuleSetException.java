package dev.pagerpolicy.ruleset;

/**
 * Asked for the active rule set while the service is starting and its first rule set is still in the gate. It goes
 * away once the first set is active, for good: a failed reload keeps the last good set, never none.
 */
public final class NoActiveRuleSetException extends IllegalStateException {
    NoActiveRuleSetException() {
        super("no rule set is active yet: the first is still being verified");
    }
}
