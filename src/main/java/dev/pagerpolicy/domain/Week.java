package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Team;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
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
                for (int boundary : team.businessHours().boundaryMinutes()) {
                    minutes = gcd(minutes, boundary % 60);
                }
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
        // In seconds: Duration.multipliedBy goes through BigInteger, and this is asked for every alert explored.
        if (slot < weekSlots()) {
            return start().plusSeconds(step.getSeconds() * slot);
        }
        int offset = slot - weekSlots();
        for (Moment moment : moments) {
            if (offset < moment.slots()) {
                return moment.start().plusSeconds(step.getSeconds() * offset);
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
}
