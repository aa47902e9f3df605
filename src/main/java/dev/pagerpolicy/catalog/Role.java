package dev.pagerpolicy.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pagerpolicy.alert.WireNamed;
import java.util.Locale;

/** What a team does, and so what kind of work it can be handed at 3 a.m. */
public enum Role implements WireNamed {
    OPS, DEV, ML_ENGINEER, DATA_SCIENTIST, DATA_ENGINEER;

    private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Role fromWireName(String value) {
        return WireNamed.parse(Role.class, value);
    }
}
