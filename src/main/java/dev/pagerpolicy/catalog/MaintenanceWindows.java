package dev.pagerpolicy.catalog;

import dev.pagerpolicy.catalog.source.MaintenanceEntry;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the maintenance windows of {@code maintenance.yaml}: each names a known service or model, ends after it
 * starts, and does not overlap another window of the same service or model.
 */
final class MaintenanceWindows {
    private MaintenanceWindows() {
    }

    /** Finds what a window names, reporting a name the policies lack (unless already reported as invalid). */
    interface Reference<V> {
        V resolve(String name, String referrer, Located<?> at);
    }

    static List<MaintenanceWindow> read(List<Located<MaintenanceEntry>> entries, Reference<Service> services,
                                        Reference<Model> models, List<Problem> problems) {
        List<Located<MaintenanceWindow>> windows = new ArrayList<>();
        for (Located<MaintenanceEntry> entry : entries) {
            MaintenanceWindow window = window(entry, services, models, problems);
            if (window != null) {
                windows.add(entry.holding(window));
            }
        }
        for (int i = 0; i < windows.size(); i++) {
            for (int j = 0; j < i; j++) {
                MaintenanceWindow a = windows.get(j).value();
                MaintenanceWindow b = windows.get(i).value();
                if (sameTarget(a, b) && overlap(a, b)) {
                    problems.add(windows.get(i).problem("maintenance window \"" + b.name() + "\" of " + target(b)
                            + " overlaps window \"" + a.name() + "\" (line " + windows.get(j).line() + ")"));
                }
            }
        }
        return windows.stream().map(Located::value).toList();
    }

    private static MaintenanceWindow window(Located<MaintenanceEntry> located, Reference<Service> services,
                                            Reference<Model> models, List<Problem> problems) {
        MaintenanceEntry m = located.value();
        String owner = "maintenance window \"" + m.name() + "\"";
        int before = problems.size();
        if ((m.service() == null) == (m.model() == null)) {
            problems.add(located.problem(owner + ": name either a service or a model"));
        }
        if ((m.end() == null) == (m.duration() == null)) {
            problems.add(located.problem(owner + ": give either an end or a duration"));
        }
        String service = m.service();
        if (m.service() != null && services.resolve(m.service(), owner, located.at("service")) == null) {
            service = null;
        }
        if (m.model() != null) {
            Model model = models.resolve(m.model(), owner, located.at("model"));
            service = model == null ? null : model.service().name();
        }
        ZoneId zone = zone(m, owner, located.at("timeZone"), problems);
        LocalDateTime start = time(m.start(), owner + ": start", located.at("start"), problems);
        LocalDateTime end = m.end() == null ? null : time(m.end(), owner + ": end", located.at("end"), problems);
        Duration duration = m.duration() == null ? null : duration(m.duration(), owner, located.at("duration"), problems);
        if (problems.size() > before || service == null) {
            return null;
        }
        if (end != null) {
            duration = Duration.between(start.atZone(zone), end.atZone(zone));
        }
        if (duration.isNegative() || duration.isZero()) {
            problems.add(located.problem(owner + ": it ends " + (end != null ? "(" + m.end() + ")" : "")
                    + " before it starts (" + m.start() + ")"));
            return null;
        }
        if (Boolean.TRUE.equals(m.weekly()) && duration.compareTo(Duration.ofDays(7)) >= 0) {
            problems.add(located.problem(owner + ": a weekly window must be shorter than a week"));
            return null;
        }
        return new MaintenanceWindow(m.name(), service, m.model(), start, duration, zone,
                Boolean.TRUE.equals(m.weekly()), m.reason() == null ? "" : m.reason());
    }

    private static boolean sameTarget(MaintenanceWindow a, MaintenanceWindow b) {
        return a.service().equals(b.service()) && java.util.Objects.equals(a.model(), b.model());
    }

    private static String target(MaintenanceWindow window) {
        return window.model() == null ? "service \"" + window.service() + "\"" : "model \"" + window.model() + "\"";
    }

    /**
     * Whether any occurrence of one meets any of the other. Weekly windows repeat with the same period, so the
     * weeks from the later first start on show every meeting there will be.
     */
    private static boolean overlap(MaintenanceWindow a, MaintenanceWindow b) {
        Instant from = a.firstStart().isBefore(b.firstStart()) ? a.firstStart() : b.firstStart();
        Instant until = (a.firstStart().isAfter(b.firstStart()) ? a.firstStart() : b.firstStart())
                .plus(Duration.ofDays(15));
        for (Instant[] x : occurrences(a, from, until)) {
            for (Instant[] y : occurrences(b, from, until)) {
                if (x[0].isBefore(y[1]) && y[0].isBefore(x[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Instant[]> occurrences(MaintenanceWindow window, Instant from, Instant until) {
        List<Instant[]> occurrences = new ArrayList<>();
        for (int week = 0; ; week++) {
            Instant start = window.start().plusWeeks(week).atZone(window.timeZone()).toInstant();
            if (start.isAfter(until) || (!window.weekly() && week > 0)) {
                return occurrences;
            }
            occurrences.add(new Instant[] {start, start.plus(window.duration())});
        }
    }

    private static ZoneId zone(MaintenanceEntry m, String owner, Located<?> at, List<Problem> problems) {
        Optional<ZoneId> zone = TimeZones.named(m.timeZone());
        if (zone.isEmpty()) {
            problems.add(at.problem(owner + ": " + TimeZones.unknown(m.timeZone())));
        }
        return zone.orElse(null);
    }

    private static LocalDateTime time(String text, String field, Located<?> at, List<Problem> problems) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at.problem(field + " \"" + text + "\" is not a local date and time such as 2026-11-29T02:00"));
            return null;
        }
    }

    private static Duration duration(String text, String owner, Located<?> at, List<Problem> problems) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at.problem(owner + ": duration \"" + text + "\" is not an ISO-8601 duration such as PT2H"));
            return null;
        }
    }
}
