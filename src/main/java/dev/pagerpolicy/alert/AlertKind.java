package dev.pagerpolicy.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What went wrong: the first thing that decides who should hear about an alert. {@link #OTHER} is an alert that
 * says no kind (most alerts of Alertmanager): rules can still decide it by its labels.
 */
public enum AlertKind implements WireNamed {
    OUTAGE, ERROR_RATE, LATENCY, SATURATION,
    MODEL_DRIFT, CONCEPT_DRIFT, MODEL_PERFORMANCE,
    DATA_QUALITY, DATA_PIPELINE, TRAINING_PIPELINE,
    OTHER;

    /** The kinds an alert names, {@link #OTHER} aside: what the exploration and the training run go through. */
    public static final List<AlertKind> NAMED = Arrays.stream(values()).filter(k -> k != OTHER).toList();

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
