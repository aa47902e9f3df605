package dev.pagerpolicy.api.alertmanager;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A time as an alert's sender wrote it ({@code startsAt}, {@code endsAt}), read alert by alert: one alert's unreadable
 * time gets that alert the fallback with the reason, never a refusal of the whole group or batch it came in.
 */
final class SentTime {
    private SentTime() {
    }

    /** The time, or null when there is none or it cannot be read. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Why {@code text} is not a time, for the fallback's reason; empty when it is one, or when there is none. */
    static Optional<String> problem(String field, String text) {
        if (text == null || text.isBlank() || parse(text) != null) {
            return Optional.empty();
        }
        return Optional.of(field + " \"" + text + "\" is not an ISO-8601 time such as 2026-11-25T03:00:00Z");
    }
}
