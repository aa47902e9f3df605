package dev.pagerpolicy.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Planned work on a service or a model, from {@code maintenance.yaml}: a start in a named time zone, a length,
 * and optionally the same time every week.
 *
 * @param service the service it concerns (for a model's window, the model's service)
 * @param model   the model it concerns, or null for the whole service
 */
public record MaintenanceWindow(String name, String service, String model, LocalDateTime start, Duration duration,
                                ZoneId timeZone, boolean weekly, String reason) {

    /** The occurrence of this window that holds {@code instant}, if one does. */
    public Optional<Maintenance> activeAt(Instant instant) {
        CalendarReads.read(this, CalendarReads.Question.MAINTENANCE_UNDER_WAY);
        ZonedDateTime first = start.atZone(timeZone);
        if (instant.isBefore(first.toInstant())) {
            return Optional.empty();
        }
        ZonedDateTime occurrence = first;
        if (weekly) {
            // Weeks are counted on the wall clock, so that a window at 02:00 stays at 02:00 across a DST change.
            long weeks = ChronoUnit.WEEKS.between(start, LocalDateTime.ofInstant(instant, timeZone));
            occurrence = start.plusWeeks(weeks).atZone(timeZone);
            if (occurrence.toInstant().isAfter(instant)) {
                occurrence = start.plusWeeks(weeks - 1).atZone(timeZone);
            }
        }
        Instant end = occurrence.toInstant().plus(duration);
        return instant.isBefore(end) ? Optional.of(new Maintenance(name, reason, occurrence.toInstant(), end, timeZone))
                : Optional.empty();
    }

    /** The first occurrence, from its start to its end. */
    public Instant firstStart() {
        return start.atZone(timeZone).toInstant();
    }
}
