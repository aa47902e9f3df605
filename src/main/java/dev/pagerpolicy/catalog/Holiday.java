package dev.pagerpolicy.catalog;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A day off, in the time zone of the team that keeps it: one date, or a date that recurs every year.
 *
 * @param date   the day, for a one-off holiday (null for a yearly one)
 * @param yearly the month and day, for a holiday every year (null for a one-off one)
 */
public record Holiday(String name, LocalDate date, MonthDay yearly) {
    public Holiday {
        if ((date == null) == (yearly == null)) {
            throw new IllegalArgumentException("a holiday has either a date or a yearly month and day");
        }
    }

    public boolean isOn(LocalDate day) {
        return date != null ? date.equals(day) : yearly.equals(MonthDay.from(day));
    }

    /** "2026-11-26" or "every 12-25", as written. */
    public String when() {
        return date != null ? date.toString() : "every " + yearly.toString().substring(2);
    }
}
