package dev.pagerpolicy.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What went wrong: the first thing that decides who should hear about an alert. */
public enum AlertKind implements WireNamed {
    OUTAGE, ERROR_RATE, LATENCY, SATURATION,
    MODEL_DRIFT, CONCEPT_DRIFT, MODEL_PERFORMANCE,
    DATA_QUALITY, DATA_PIPELINE, TRAINING_PIPELINE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static AlertKind fromWireName(String value) {
        return WireNamed.parse(AlertKind.class, value);
    }
}
