package dev.pagerpolicy.explore;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Team;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The times an exploration samples: seven days from a Monday, 00:00 UTC, one alert time every {@code step}, then
 * the {@link Moment}s of the catalog's calendars (a holiday, a maintenance window), at the same step. The step divides every boundary the catalog knows (the minutes of business hours and of the
 * teams' offsets from UTC), and is 30 minutes at most, so that a half-hour or 45-minute time zone is sampled
 * on its own boundaries.
 */
public record Week(LocalDate monday, Duration step, List<Moment> moments) {
    /** A week without a daylight-saving change in either hemisphere. */
    public static final LocalDate DEFAULT_MONDAY = LocalDate.of(2026, 1, 12);
    public static final Duration MAX_STEP = Duration.ofMinutes(30);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    public Week {
        moments = List.copyOf(moments);
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the reference week starts on a Monday; " + monday + " is a "
                    + monday.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
        }
        if (step.isNegative() || step.isZero() || Duration.ofDays(7).toMinutes() % step.toMinutes() != 0
                || step.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the step must be whole minutes that divide a week, not " + step);
        }
    }

    /** A week without calendar moments. */
    public Week(LocalDate monday, Duration step) {
        this(monday, step, List.of());
    }

    /**
     * The week from {@code monday} sampled finely enough for every team of the catalogs (two, for a diff), with
     * the moments of their calendars.
     */
    public static Week of(LocalDate monday, Catalog... catalogs) {
        Instant start = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        long minutes = MAX_STEP.toMinutes();
        for (Catalog catalog : catalogs) {
            for (Team team : catalog.teams().values()) {
                minutes = gcd(minutes, team.businessHours().start().getMinute());
                minutes = gcd(minutes, team.businessHours().end().getMinute());
                for (Instant at : List.of(start, start.plus(Duration.ofDays(7)))) {
                    minutes = gcd(minutes, Math.abs(team.timeZone().getRules().getOffset(at).getTotalSeconds() / 60));
                }
            }
        }
        Duration step = Duration.ofMinutes(minutes);
        List<Moment> moments = new ArrayList<>();
        for (Catalog catalog : catalogs) {
            CalendarMoments.of(catalog, monday, step).stream()
                    .filter(m -> moments.stream().noneMatch(known -> known.label().equals(m.label())))
                    .forEach(moments::add);
        }
        return new Week(monday, step, moments);
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public Instant start() {
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Alert times of the week itself. */
    public int weekSlots() {
        return (int) (Duration.ofDays(7).toMinutes() / step.toMinutes());
    }

    /** Alert times in all: the week's, then each moment's. */
    public int slots() {
        return weekSlots() + moments.stream().mapToInt(Moment::slots).sum();
    }

    public Instant at(int slot) {
        if (slot < weekSlots()) {
            return start().plus(step.multipliedBy(slot));
        }
        int offset = slot - weekSlots();
        for (Moment moment : moments) {
            if (offset < moment.slots()) {
                return moment.start().plus(step.multipliedBy(offset));
            }
            offset -= moment.slots();
        }
        throw new IndexOutOfBoundsException("no alert time " + slot + " in " + slots());
    }

    /** An instant as a person reads it in a team's week: "Mon 09:00". */
    public static String dayAndTime(Instant instant, ZoneId zone) {
        return DAY_TIME.format(instant.atZone(zone));
    }

    /** A concrete time, in UTC and in the team's zone: "Tue 2026-01-13 03:00 UTC (Tue 04:00 Europe/Berlin)". */
    public static String concrete(Instant instant, ZoneId zone) {
        String utc = DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
        return zone.normalized().equals(ZoneOffset.UTC) ? utc : utc + " (" + dayAndTime(instant, zone) + " " + zone + ")";
    }

    /**
     * Slots as a person reads them in a team's week: "outside business hours (Mon-Fri 09:00-17:00 UTC)" when they
     * are exactly those, otherwise as ranges.
     */
    public String describe(boolean[] selected, Team team) {
        boolean[] within = new boolean[slots()];
        boolean[] outside = new boolean[slots()];
        boolean always = true;
        for (int slot = 0; slot < within.length; slot++) {
            within[slot] = team.isWithinBusinessHours(at(slot));
            outside[slot] = !within[slot];
            always &= selected[slot];
        }
        String hours = "(" + team.businessHours().describe() + " " + team.timeZone()
                + (moments.isEmpty() ? "" : "; the holidays and maintenance windows explored included") + ")";
        if (Arrays.equals(selected, outside)) {
            return "outside business hours " + hours;
        }
        if (Arrays.equals(selected, within)) {
            return "within business hours " + hours;
        }
        if (always) {
            return moments.isEmpty() ? "all week" : "at any time (all week, every holiday and maintenance window)";
        }
        boolean[] all = new boolean[slots()];
        Arrays.fill(all, true);
        for (var candidate : List.of(Map.entry("outside business hours " + hours, outside),
                Map.entry("within business hours " + hours, within), Map.entry("at any time", all))) {
            Optional<String> except = exceptWholeMoments(selected, candidate.getValue());
            if (except.isPresent()) {
                return candidate.getKey() + ", except " + except.get();
            }
        }
        List<String> parts = new ArrayList<>();
        boolean[] weekly = Arrays.copyOf(selected, weekSlots());
        if (Runs.linear(weekly).size() > 0) {
            parts.add(describeWeek(weekly, Arrays.copyOf(outside, weekSlots()), Arrays.copyOf(within, weekSlots()),
                    team));
        }
        int offset = weekSlots();
        for (Moment moment : moments) {
            boolean[] part = Arrays.copyOfRange(selected, offset, offset + moment.slots());
            offset += moment.slots();
            List<int[]> runs = Runs.linear(part);
            if (runs.size() == 1 && runs.get(0)[1] - runs.get(0)[0] == part.length) {
                parts.add("during " + moment.label());
            } else if (!runs.isEmpty()) {
                List<String> ranges = new ArrayList<>();
                for (int[] run : runs) {
                    ranges.add(TIME.format(moment.start().plus(step.multipliedBy(run[0])).atZone(moment.zone())) + " – "
                            + TIME.format(moment.start().plus(step.multipliedBy(run[1])).atZone(moment.zone())));
                }
                parts.add("during " + moment.label() + " " + String.join(", ", ranges));
            }
        }
        return String.join("; ", parts);
    }

    /**
     * When {@code selected} is {@code candidate} but for whole moments (a maintenance window in which these alerts
     * are decided otherwise, say), those moments: "during maintenance ...".
     */
    private Optional<String> exceptWholeMoments(boolean[] selected, boolean[] candidate) {
        for (int slot = 0; slot < weekSlots(); slot++) {
            if (selected[slot] != candidate[slot]) {
                return Optional.empty();
            }
        }
        List<String> excepted = new ArrayList<>();
        int offset = weekSlots();
        for (Moment moment : moments) {
            boolean same = true;
            boolean none = true;
            for (int slot = offset; slot < offset + moment.slots(); slot++) {
                if (selected[slot] && !candidate[slot]) {
                    return Optional.empty();
                }
                same &= selected[slot] == candidate[slot];
                none &= !selected[slot];
            }
            if (!same) {
                if (!none) {
                    return Optional.empty();
                }
                excepted.add(moment.label());
            }
            offset += moment.slots();
        }
        return excepted.isEmpty() ? Optional.empty() : Optional.of("during " + String.join(", ", excepted));
    }

    private String describeWeek(boolean[] selected, boolean[] outside, boolean[] within, Team team) {
        String hours = "(" + team.businessHours().describe() + " " + team.timeZone() + ")";
        if (Arrays.equals(selected, outside)) {
            return "outside business hours " + hours;
        }
        if (Arrays.equals(selected, within)) {
            return "within business hours " + hours;
        }
        return describe(selected, team.timeZone());
    }

    /**
     * Slots as ranges of the team's week, "Sat 00:00 – Mon 09:00, Tue 17:00 – Wed 09:00 Europe/Madrid"; the week is
     * a cycle, so a range may run across its end. Every slot stands for the {@code step} that follows it.
     */
    public String describe(boolean[] selected, ZoneId zone) {
        List<int[]> ranges = Runs.of(selected);
        if (ranges.size() == 1 && ranges.get(0)[1] - ranges.get(0)[0] == weekSlots()) {
            return "all week";
        }
        List<String> parts = new ArrayList<>();
        for (int[] range : ranges) {
            // A range may end at, or run past, the week's end: its times continue into the next week.
            ZonedDateTime from = start().plus(step.multipliedBy(range[0])).atZone(zone);
            ZonedDateTime to = start().plus(step.multipliedBy(range[1])).atZone(zone);
            parts.add(DAY_TIME.format(from) + " – " + DAY_TIME.format(to));
        }
        return String.join(", ", parts) + " " + zone;
    }

    /** Runs of selected slots, as [first, end) pairs that may pass the week's end; in the team's week order. */
    static final class Runs {
        private Runs() {
        }

        /** Runs of selected slots, in order, none across the end. */
        static List<int[]> linear(boolean[] selected) {
            List<int[]> runs = new ArrayList<>();
            for (int i = 0; i < selected.length; i++) {
                if (selected[i]) {
                    int end = i;
                    while (end < selected.length && selected[end]) {
                        end++;
                    }
                    runs.add(new int[] {i, end});
                    i = end;
                }
            }
            return runs;
        }

        static List<int[]> of(boolean[] selected) {
            int n = selected.length;
            List<int[]> runs = new ArrayList<>();
            int firstGap = -1;
            for (int i = 0; i < n; i++) {
                if (!selected[i]) {
                    firstGap = i;
                    break;
                }
            }
            if (firstGap < 0) {
                runs.add(new int[] {0, n});
                return runs;
            }
            // Start scanning just after a gap, so that a run across the week's end is found whole.
            int i = 0;
            while (i < n) {
                int slot = (firstGap + 1 + i) % n;
                if (!selected[slot]) {
                    i++;
                    continue;
                }
                int length = 0;
                while (i + length < n && selected[(firstGap + 1 + i + length) % n]) {
                    length++;
                }
                runs.add(new int[] {slot, slot + length});
                i += length;
            }
            runs.sort((a, b) -> Integer.compare(a[0], b[0]));
            return runs;
        }
    }
}
