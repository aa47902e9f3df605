package dev.pagerpolicy.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working week of a team in its own time zone, written in policy files as {@code "Mon-Fri 09:00-17:00"}, as
 * several ranges for weekend cover ({@code "Mon-Fri 09:00-17:00, Sat-Sun 10:00-14:00"}), or {@code "24/7"} for a
 * team that is always at work. In each range the start is inclusive and the end exclusive, so an alert at 17:00
 * sharp is outside business hours; {@code 24:00} ends a range at midnight.
 */
public record BusinessHours(List<Range> ranges) {
    /** Written for a team that works around the clock. */
    public static final String ROUND_THE_CLOCK = "24/7";
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern FORMAT =
            Pattern.compile("(\\p{Alpha}{3})(?:-(\\p{Alpha}{3}))? (\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /**
     * Some days of the week, each from {@code startMinute} to {@code endMinute} of the day (0 to 1440).
     */
    public record Range(Set<DayOfWeek> days, int startMinute, int endMinute) {
        public Range {
            days = Set.copyOf(days);
            if (days.isEmpty() || startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
                throw new IllegalArgumentException("a range of business hours needs a day and a start before its end");
            }
        }

        boolean contains(ZonedDateTime time) {
            int minute = time.getHour() * 60 + time.getMinute();
            return days.contains(time.getDayOfWeek()) && minute >= startMinute && minute < endMinute;
        }

        LocalTime start() {
            return LocalTime.of(startMinute / 60, startMinute % 60);
        }

        String describe() {
            return dayText(days) + " " + time(startMinute) + "-" + time(endMinute);
        }
    }

    public BusinessHours {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one range");
        }
    }

    /** {@code "Mon-Fri 09:00-17:00"}, {@code "Sat 10:00-14:00"}, several of them separated by commas, or "24/7". */
    public static BusinessHours parse(String text) {
        if (text != null && text.trim().equals(ROUND_THE_CLOCK)) {
            return new BusinessHours(List.of(new Range(EnumSet.allOf(DayOfWeek.class), 0, MINUTES_PER_DAY)));
        }
        if (text == null || text.isBlank()) {
            throw notLike(text);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            ranges.add(range(part.trim(), text));
        }
        return new BusinessHours(ranges);
    }

    private static Range range(String part, String text) {
        Matcher m = FORMAT.matcher(part);
        if (!m.matches()) {
            throw notLike(text);
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
        int start = minute(m.group(3), m.group(4), part, text);
        int end = minute(m.group(5), m.group(6), part, text);
        if (start >= end) {
            throw new IllegalArgumentException("business hours \"" + text + "\": " + part.substring(part.indexOf(' ') + 1)
                    + " ends before it starts; write a night as two ranges, e.g. \"Mon-Fri 22:00-24:00,"
                    + " Tue-Sat 00:00-06:00\"");
        }
        return new Range(days, start, end);
    }

    private static int minute(String hours, String minutes, String part, String text) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (minute > 59 || hour > 24 || hour == 24 && minute > 0) {
            throw new IllegalArgumentException("business hours \"" + text + "\": " + hours + ":" + minutes
                    + " is not a time of day (00:00 to 24:00)");
        }
        return hour * 60 + minute;
    }

    private static IllegalArgumentException notLike(String text) {
        return new IllegalArgumentException("business hours \"" + text + "\" are not like \"Mon-Fri 09:00-17:00\","
                + " \"Mon-Fri 09:00-17:00, Sat 10:00-14:00\" or \"24/7\"");
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

    /** Every day some range covers. */
    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        ranges.forEach(range -> days.addAll(range.days()));
        return days;
    }

    /** The minutes of the day at which some range starts or ends: where being at work can change. */
    public List<Integer> boundaryMinutes() {
        List<Integer> minutes = new ArrayList<>();
        for (Range range : ranges) {
            minutes.add(range.startMinute());
            minutes.add(range.endMinute());
        }
        return minutes;
    }

    /** As written in the policies: "Mon-Fri 09:00-17:00", "Mon-Fri 09:00-17:00, Sat 10:00-14:00", "24/7". */
    public String describe() {
        if (ranges.size() == 1 && ranges.get(0).days().size() == 7 && ranges.get(0).startMinute() == 0
                && ranges.get(0).endMinute() == MINUTES_PER_DAY) {
            return ROUND_THE_CLOCK;
        }
        return String.join(", ", ranges.stream().map(Range::describe).toList());
    }

    /** "Mon-Fri", "Sat", or "Mon, Wed" for days that do not follow on. */
    private static String dayText(Set<DayOfWeek> days) {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        return sorted.size() == 1 ? name(sorted.get(0))
                : consecutive ? name(sorted.get(0)) + "-" + name(sorted.get(sorted.size() - 1))
                : String.join(", ", sorted.stream().map(BusinessHours::name).toList());
    }

    private static String time(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    public boolean contains(ZonedDateTime time) {
        for (Range range : ranges) {
            if (range.contains(time)) {
                return true;
            }
        }
        return false;
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
        // Eight days reach every weekday of each range once more, even when today's hours are already over.
        for (int day = 0; day <= 8; day++) {
            LocalDate date = time.toLocalDate().plusDays(day);
            ZonedDateTime earliest = null;
            for (Range range : ranges) {
                if (!range.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                ZonedDateTime opening = opening(date, range.start(), time.getZone());
                if (opening.isAfter(time) && contains(opening) && (earliest == null || opening.isBefore(earliest))) {
                    earliest = opening;
                }
            }
            if (earliest != null) {
                return earliest;
            }
        }
        throw new IllegalStateException("no business hours within a week of " + time + " for " + describe());
    }

    /** The instant hours starting at {@code start} open on {@code date}: then, or when a daylight-saving gap ends. */
    private static ZonedDateTime opening(LocalDate date, LocalTime start, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, start);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant().atZone(zone);
        }
        return ZonedDateTime.of(local, zone); // in an overlap, the earlier of the two offsets
    }
}
