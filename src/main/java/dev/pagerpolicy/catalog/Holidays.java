package dev.pagerpolicy.catalog;

import dev.pagerpolicy.catalog.source.HolidayEntry;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads holidays as written, of a calendar or of a team; an impossible date or a day listed twice is a problem. */
final class Holidays {
    private Holidays() {
    }

    /** @param owner "calendar \"us\"" or "team \"analytics-dev\"", for the messages */
    static List<Holiday> read(List<HolidayEntry> entries, String owner, Located<?> at, List<Problem> problems) {
        List<Holiday> holidays = new ArrayList<>();
        Map<String, String> namesByDay = new HashMap<>();
        for (HolidayEntry entry : entries) {
            Holiday holiday = holiday(entry, owner, at, problems);
            if (holiday == null) {
                continue;
            }
            String first = namesByDay.putIfAbsent(holiday.when(), holiday.name());
            if (first != null) {
                problems.add(at.problem(owner + ": holiday \"" + holiday.name() + "\" on " + holiday.when()
                        + " is listed twice (also as \"" + first + "\")"));
                continue;
            }
            holidays.add(holiday);
        }
        return holidays;
    }

    private static Holiday holiday(HolidayEntry entry, String owner, Located<?> at, List<Problem> problems) {
        String prefix = owner + ": holiday \"" + entry.name() + "\": ";
        if ((entry.date() == null) == (entry.yearly() == null)) {
            problems.add(at.problem(prefix + "give either a date (2026-11-26) or a yearly day (12-25)"));
            return null;
        }
        try {
            return entry.date() != null ? new Holiday(entry.name(), LocalDate.parse(entry.date()), null)
                    : new Holiday(entry.name(), null, MonthDay.parse("--" + entry.yearly()));
        } catch (DateTimeParseException e) {
            String written = entry.date() != null ? entry.date() : entry.yearly();
            problems.add(at.problem(prefix + "\"" + written + "\" is not a " + (entry.date() != null
                    ? "date such as 2026-11-26" : "day of the year such as 12-25") + reason(e)));
            return null;
        }
    }

    /** Why a well-formed date does not exist ("2026-02-30"), when that is the problem. */
    private static String reason(DateTimeParseException e) {
        return e.getCause() instanceof DateTimeException cause ? " (" + cause.getMessage() + ")" : "";
    }
}
