package dev.pagerpolicy.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as callers write it: the body of {@code POST /v1/decide} and the {@code alert} of a scenario. It gives
 * its fields ({@code kind}, {@code severity}, {@code service}...), or its labels, from which the input mappings of
 * the policies read what it lacks, or both; {@code severity} may be a word of another tool ({@code warning},
 * {@code P2}) that the policies map. Limits are generous for real alerts and stop absurd ones before they reach
 * the rules.
 *
 * <p>{@code status} and {@code endsAt} say whether it is still firing, as Alertmanager does: a firing alert is kept
 * among the alerts still firing until it is resolved, until {@code endsAt}, or until the resolve timeout.
 */
@AlertInput.FieldsOrLabels
public record AlertInput(
        @Size(max = 256) String id,
        AlertKind kind,
        @Size(min = 1, max = 64) String severity,
        @Size(max = 256) String service,
        @Size(max = 256) String model,
        @Size(min = 1, max = 64) String environment,
        @PlausibleInstant Instant firedAt,
        @Size(max = MAX_LABELS) Map<@NotNull @Size(max = MAX_LABEL_NAME) String,
                @NotNull @Size(max = MAX_LABEL_VALUE) String> labels,
        @Size(max = 64) Map<@NotNull @Size(max = 256) String, @NotNull @Finite Double> signals,
        AlertStatus status,
        @PlausibleInstant Instant endsAt) {

    /** Limits on labels, the same for every way an alert arrives (decide, batch, Alertmanager). */
    public static final int MAX_LABELS = 64;
    public static final int MAX_LABEL_NAME = 256;
    public static final int MAX_LABEL_VALUE = 4096;

    /** An alert of labels alone, as Alertmanager sends them. */
    public static AlertInput ofLabels(String id, Instant firedAt, Map<String, String> labels) {
        return new AlertInput(id, null, null, null, null, null, firedAt, labels, null, null, null);
    }

    /** Whether the caller says it has stopped firing. */
    public boolean isResolved() {
        return status == AlertStatus.RESOLVED;
    }

    private boolean hasLabels() {
        return labels != null && !labels.isEmpty();
    }

    /**
     * An alert gives its kind, severity and service, or labels to read them from: a body with neither is no alert
     * but a caller's mistake, answered 400 naming each field, as before labels could stand in for them.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = FieldsOrLabels.Check.class)
    public @interface FieldsOrLabels {
        String message() default "give the alert's fields or its labels";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<FieldsOrLabels, AlertInput> {
            @Override
            public boolean isValid(AlertInput input, ConstraintValidatorContext context) {
                if (input == null || input.hasLabels()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                boolean valid = true;
                if (input.kind() == null) {
                    valid = violation(context, "kind", "must not be null");
                }
                if (input.severity() == null) {
                    valid = violation(context, "severity", "must not be null");
                }
                if (input.service() == null || input.service().isBlank()) {
                    valid = violation(context, "service", "must not be blank");
                }
                return valid;
            }

            private static boolean violation(ConstraintValidatorContext context, String field, String message) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
                return false;
            }
        }
    }
}
