package dev.pagerpolicy.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad the alerting system believes it is, from {@code critical} down to {@code info}. */
public enum Severity implements WireNamed {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Severity fromWireName(String value) {
        return WireNamed.parse(Severity.class, value);
    }
}
