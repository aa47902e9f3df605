package dev.pagerpolicy.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working week of a team in its own time zone, written in policy files as {@code "Mon-Fri 09:00-17:00"}.
 * The start is inclusive and the end exclusive, so an alert at 17:00 sharp is outside business hours.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    private static final Pattern FORMAT =
            Pattern.compile("(\\p{Alpha}{3})(?:-(\\p{Alpha}{3}))? (\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public BusinessHours {
        days = Set.copyOf(days);
        if (days.isEmpty() || !start.isBefore(end)) {
            throw new IllegalArgumentException("business hours need at least one day and a start before the end");
        }
    }

    /** Parses {@code "Mon-Fri 09:00-17:00"} or {@code "Sat 10:00-14:00"}. */
    public static BusinessHours parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("business hours \"" + text + "\" are not like \"Mon-Fri 09:00-17:00\"");
        }
        DayOfWeek first = day(m.group(1), text);
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2), text);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                break;
            }
        }
        try {
            return new BusinessHours(days, LocalTime.parse(m.group(3)), LocalTime.parse(m.group(4)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("business hours \"" + text + "\": " + e.getMessage());
        }
    }

    private static DayOfWeek day(String abbreviation, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("business hours \"" + text + "\": \"" + abbreviation
                + "\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    public boolean contains(ZonedDateTime time) {
        LocalTime t = time.toLocalTime();
        return days.contains(time.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }

    /** The first moment at or after {@code time} that lies within business hours, in the same zone. */
    public ZonedDateTime nextStart(ZonedDateTime time) {
        if (contains(time)) {
            return time;
        }
        ZonedDateTime candidate = time.with(start);
        if (!candidate.isAfter(time)) {
            candidate = candidate.plusDays(1);
        }
        while (!days.contains(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        // with(LocalTime) keeps the wall-clock time across DST changes; re-apply it after moving days.
        return candidate.with(start);
    }
}
