package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pagerpolicy.alert.WireNamed;
import java.util.Locale;

/**
 * How urgently the target hears about the alert, from waking someone up to reaching no one: declared from the most
 * urgent to the least, which is the order {@link #isLowerThan} compares (a downgrade must go down it).
 */
public enum Action implements WireNamed {
    /** Wake someone now (or at {@code notBefore}), expecting an acknowledgement within {@code ackWithin}. */
    PAGE,
    /** Open a ticket for working hours. */
    TICKET,
    /** Let automation act (e.g. retrain), with the target validating the result. */
    AUTOMATE,
    /** Tell the team without asking anything of them. */
    NOTIFY,
    /**
     * Reach no one: the alert is decided, logged and counted, and nobody hears of it. For heartbeats (Alertmanager's
     * {@code Watchdog}), helpers ({@code InfoInhibitor}) and what Alertmanager routes to its {@code null} receiver.
     * The target is the team whose rule decided so; an invariant can forbid it ({@code never: {action: ignore}}).
     */
    IGNORE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** Whether this action asks less of its target than {@code other}: a ticket is lower than a page. */
    public boolean isLowerThan(Action other) {
        return ordinal() > other.ordinal();
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Action fromWireName(String value) {
        return WireNamed.parse(Action.class, value);
    }
}
