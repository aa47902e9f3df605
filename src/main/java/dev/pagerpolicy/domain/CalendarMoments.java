package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Holiday;
import dev.pagerpolicy.catalog.Maintenance;
import dev.pagerpolicy.catalog.MaintenanceWindow;
import dev.pagerpolicy.catalog.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The days and windows a catalog's calendars make different from the reference week, explored once each rather
 * than a year of weeks: for each time zone's holidays, the first that falls on a working day after the week
 * starts; for each maintenance window that the week does not already contain, its first occurrence.
 */
final class CalendarMoments {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);
    /** How far ahead a holiday on a working day is looked for. */
    private static final int DAYS_AHEAD = 366;

    private CalendarMoments() {
    }

    static List<Moment> of(Catalog catalog, LocalDate monday, Duration step) {
        Instant weekStart = monday.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant weekEnd = weekStart.plus(Duration.ofDays(7));
        Map<String, Moment> moments = new LinkedHashMap<>();
        catalog.teams().values().stream().sorted(Comparator.comparing(Team::name))
                .forEach(team -> firstWorkingHoliday(team, monday).ifPresent(day -> {
                    ZonedDateTime start = day.atStartOfDay(team.timeZone());
                    long minutes = Duration.between(start, day.plusDays(1).atStartOfDay(team.timeZone())).toMinutes();
                    String label = team.holidayAt(start.toInstant()).orElseThrow().name() + " (" + DAY.format(day) + " "
                            + team.timeZone() + ")";
                    moments.putIfAbsent(label, new Moment(label, start.toInstant(),
                            (int) (minutes / step.toMinutes()), team.timeZone()));
                }));
        for (MaintenanceWindow window : catalog.maintenance()) {
            if (window.weekly() && window.firstStart().isBefore(weekStart)) {
                continue; // the reference week holds an occurrence already
            }
            Instant start = window.firstStart();
            if (!start.isBefore(weekStart) && start.isBefore(weekEnd)) {
                continue;
            }
            Maintenance first = window.activeAt(start).orElseThrow();
            long minutes = Duration.between(first.startedAt(), first.endsAt()).toMinutes();
            String label = "maintenance \"" + window.name() + "\" of " + (window.model() == null ? window.service()
                    : window.model()) + " (" + TIME.format(start.atZone(window.timeZone())) + " "
                    + window.timeZone() + ")";
            moments.putIfAbsent(label, new Moment(label, start,
                    (int) ((minutes + step.toMinutes() - 1) / step.toMinutes()), window.timeZone()));
        }
        return new ArrayList<>(moments.values());
    }

    /** The first holiday of the team, from the reference week on, that falls on one of its working days. */
    private static Optional<LocalDate> firstWorkingHoliday(Team team, LocalDate monday) {
        if (team.holidays().isEmpty()) {
            return Optional.empty();
        }
        for (int d = 0; d < DAYS_AHEAD; d++) {
            LocalDate day = monday.plusDays(d);
            boolean holiday = team.holidays().stream().anyMatch((Holiday h) -> h.isOn(day));
            if (holiday && team.businessHours().days().contains(day.getDayOfWeek())) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
