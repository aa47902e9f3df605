package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pagerpolicy.alert.WireNamed;
import java.util.Locale;

/** How urgently the target hears about the alert, from waking someone up to letting automation handle it. */
public enum Action implements WireNamed {
    /** Wake someone now (or at {@code notBefore}), expecting an acknowledgement within {@code ackWithin}. */
    PAGE,
    /** Open a ticket for working hours. */
    TICKET,
    /** Tell the team without asking anything of them. */
    NOTIFY,
    /** Let automation act (e.g. retrain), with the target validating the result. */
    AUTOMATE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

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
