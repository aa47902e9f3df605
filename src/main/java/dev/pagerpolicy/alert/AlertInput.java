package dev.pagerpolicy.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as callers write it: the body of {@code POST /v1/decide} and the {@code alert} of a scenario.
 * Limits are generous for real alerts and stop absurd ones before they reach the rules.
 */
public record AlertInput(
        @Size(max = 256) String id,
        @NotNull AlertKind kind,
        @NotNull Severity severity,
        @NotBlank @Size(max = 256) String service,
        @Size(max = 256) String model,
        @Size(min = 1, max = 64) String environment,
        @PlausibleInstant Instant firedAt,
        @Size(max = MAX_LABELS) Map<@NotNull @Size(max = MAX_LABEL_NAME) String,
                @NotNull @Size(max = MAX_LABEL_VALUE) String> labels,
        @Size(max = 64) Map<@NotNull @Size(max = 256) String, @NotNull @Finite Double> signals) {

    /** Limits on labels, the same for every way an alert arrives (decide, batch, Alertmanager). */
    public static final int MAX_LABELS = 64;
    public static final int MAX_LABEL_NAME = 256;
    public static final int MAX_LABEL_VALUE = 4096;

    /** The alert the rules see; an alert without {@code firedAt} fired now, by {@code clock}. */
    public Alert toAlert(Clock clock) {
        return new Alert(id, kind, severity, service, model, environment,
                firedAt == null ? clock.instant() : firedAt, labels, signals);
    }
}
