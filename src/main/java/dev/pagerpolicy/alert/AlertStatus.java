package dev.pagerpolicy.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an alert is still firing, in Alertmanager's words. */
public enum AlertStatus implements WireNamed {
    FIRING, RESOLVED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AlertStatus fromWireName(String value) {
        return WireNamed.parse(AlertStatus.class, value);
    }
}
