package dev.pagerpolicy.alert;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An instant from {@value #EARLIEST_TEXT} up to {@value #LATEST_TEXT}. JSON readers accept any instant Java can hold
 * (years up to ±999,999,999), and the rules' time zones, calendars and business hours cannot compute dates that far
 * out: an alert at such an instant is a mistake, refused before it reaches the rules.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleInstant.Check.class)
public @interface PlausibleInstant {
    String EARLIEST_TEXT = "2000-01-01T00:00:00Z";
    String LATEST_TEXT = "2200-01-01T00:00:00Z";
    String MESSAGE = "must be from " + EARLIEST_TEXT + " up to " + LATEST_TEXT;

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlausibleInstant, Instant> {
        private static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT);
        private static final Instant LATEST = Instant.parse(LATEST_TEXT);

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || isPlausible(value);
        }

        /** Whether {@code instant} lies from the earliest instant accepted up to (not including) the latest. */
        public static boolean isPlausible(Instant instant) {
            return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
        }
    }
}
