package dev.pagerpolicy.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A team that can be paged, ticketed or told.
 *
 * @param mlopsMaturity 0 (manual), 1 (automated pipelines) or 2 (continuous training); 0 for teams without models
 * @param holidays      its days off, its own and those of the calendars it keeps, in its time zone
 * @param partner       the team that takes its pages outside its business hours, on another continent; null if none
 */
public record Team(String name, Role role, boolean onCallRotation, ZoneId timeZone, BusinessHours businessHours,
                   int mlopsMaturity, List<Holiday> holidays, String partner) {

    /** Far enough for any run of holidays and weekends; a calendar with more days off than this is a mistake. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 366;

    public Team {
        holidays = List.copyOf(holidays);
    }

    /** A team without holidays or a partner. */
    public Team(String name, Role role, boolean onCallRotation, ZoneId timeZone, BusinessHours businessHours,
                int mlopsMaturity) {
        this(name, role, onCallRotation, timeZone, businessHours, mlopsMaturity, List.of(), null);
    }

    /** Whether {@code instant} falls within this team's business hours, in its own time zone, and not on a holiday. */
    public boolean isWithinBusinessHours(Instant instant) {
        CalendarReads.read(this, CalendarReads.Question.WITHIN_BUSINESS_HOURS);
        ZonedDateTime local = instant.atZone(timeZone);
        return businessHours.contains(local) && holidayOn(local.toLocalDate()).isEmpty();
    }

    /** For rules: {@code target.isHoliday($firedAt)}. */
    public boolean isHoliday(Instant instant) {
        CalendarReads.read(this, CalendarReads.Question.HOLIDAY);
        return holidayOn(instant.atZone(timeZone).toLocalDate()).isPresent();
    }

    /** The holiday this team keeps on the day of {@code instant}, in its time zone, if any. */
    public Optional<Holiday> holidayAt(Instant instant) {
        CalendarReads.read(this, CalendarReads.Question.HOLIDAY);
        return holidayOn(instant.atZone(timeZone).toLocalDate());
    }

    private Optional<Holiday> holidayOn(LocalDate day) {
        for (Holiday holiday : holidays) {
            if (holiday.isOn(day)) {
                return Optional.of(holiday);
            }
        }
        return Optional.empty();
    }

    /** {@code instant} itself during business hours, otherwise when they next begin for this team, holidays skipped. */
    public Instant nextBusinessHoursStart(Instant instant) {
        CalendarReads.read(this, CalendarReads.Question.NEXT_BUSINESS_HOURS_START);
        ZonedDateTime from = instant.atZone(timeZone);
        for (int day = 0; day < MAX_DAYS_OFF_IN_A_ROW; day++) {
            ZonedDateTime start = businessHours.nextStart(from);
            if (holidayOn(start.toLocalDate()).isEmpty()) {
                if (start.toInstant().equals(instant)) {
                    CalendarReads.echo();
                }
                return start.toInstant();
            }
            from = start.toLocalDate().plusDays(1).atStartOfDay(timeZone);
        }
        throw new IllegalStateException("team " + name + " has no working day within a year of " + instant);
    }
}
