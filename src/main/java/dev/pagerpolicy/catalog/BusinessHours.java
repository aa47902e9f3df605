package dev.pagerpolicy.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
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

    /** As written in the policies: "Mon-Fri 09:00-17:00", or "Mon, Wed 09:00-12:00" for days that do not follow on. */
    public String describe() {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        String dayText = sorted.size() == 1 ? name(sorted.get(0))
                : consecutive ? name(sorted.get(0)) + "-" + name(sorted.get(sorted.size() - 1))
                : String.join(", ", sorted.stream().map(BusinessHours::name).toList());
        return dayText + " " + start + "-" + end;
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    public boolean contains(ZonedDateTime time) {
        LocalTime t = time.toLocalTime();
        return days.contains(time.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }

    /**
     * The first moment at or after {@code time} that lies within business hours, in the same zone. Hours are
     * wall-clock times: hours that start in a daylight-saving gap start when the clock resumes (02:30 on a
     * day that skips 02:00-03:00 starts at 03:00), hours that lie wholly in the gap do not happen that day, and
     * a start that happens twice (autumn) is the first of the two.
     */
    public ZonedDateTime nextStart(ZonedDateTime time) {
        if (contains(time)) {
            return time;
        }
        // Eight days reach every weekday of the set once more, even when today's hours are already over.
        for (int day = 0; day <= 8; day++) {
            LocalDate date = time.toLocalDate().plusDays(day);
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime opening = opening(date, time.getZone());
            if (opening.isAfter(time) && contains(opening)) {
                return opening;
            }
        }
        throw new IllegalStateException("no business hours within a week of " + time + " for " + this);
    }

    /** The instant the hours open on {@code date}: at the start, or when a daylight-saving gap around it ends. */
    private ZonedDateTime opening(LocalDate date, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, start);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant().atZone(zone);
        }
        return ZonedDateTime.of(local, zone); // in an overlap, the earlier of the two offsets
    }
}
