package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.Team;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sets of times of a {@link Week} as a person reads them: "outside business hours (Mon-Fri 09:00-17:00 UTC)",
 * "Sat 00:00 – Mon 09:00 Europe/Madrid", "during Thanksgiving (...)", never a list of half hours.
 */
public final class WhenText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Week week;

    public WhenText(Week week) {
        this.week = week;
    }

    /**
     * Slots as a person reads them in a team's week: "outside business hours (Mon-Fri 09:00-17:00 UTC)" when they
     * are exactly those, otherwise as ranges.
     */
    public String describe(boolean[] selected, Team team) {
        boolean[] within = new boolean[week.slots()];
        boolean[] outside = new boolean[week.slots()];
        boolean always = true;
        for (int slot = 0; slot < within.length; slot++) {
            within[slot] = team.isWithinBusinessHours(week.at(slot));
            outside[slot] = !within[slot];
            always &= selected[slot];
        }
        String hours = "(" + team.businessHours().describe() + " " + team.timeZone()
                + (week.moments().isEmpty() ? "" : "; the holidays and maintenance windows explored included") + ")";
        if (Arrays.equals(selected, outside)) {
            return "outside business hours " + hours;
        }
        if (Arrays.equals(selected, within)) {
            return "within business hours " + hours;
        }
        if (always) {
            return week.moments().isEmpty() ? "all week" : "at any time (all week, every holiday and maintenance window)";
        }
        boolean[] all = new boolean[week.slots()];
        Arrays.fill(all, true);
        for (var candidate : List.of(Map.entry("outside business hours " + hours, outside),
                Map.entry("within business hours " + hours, within), Map.entry("at any time", all))) {
            Optional<String> except = exceptWholeMoments(selected, candidate.getValue());
            if (except.isPresent()) {
                return candidate.getKey() + ", except " + except.get();
            }
        }
        List<String> parts = new ArrayList<>();
        boolean[] weekly = Arrays.copyOf(selected, week.weekSlots());
        if (Runs.linear(weekly).size() > 0) {
            parts.add(describeWeek(weekly, Arrays.copyOf(outside, week.weekSlots()), Arrays.copyOf(within, week.weekSlots()),
                    team));
        }
        int offset = week.weekSlots();
        for (Moment moment : week.moments()) {
            boolean[] part = Arrays.copyOfRange(selected, offset, offset + moment.slots());
            offset += moment.slots();
            List<int[]> runs = Runs.linear(part);
            if (runs.size() == 1 && runs.get(0)[1] - runs.get(0)[0] == part.length) {
                parts.add("during " + moment.label());
            } else if (!runs.isEmpty()) {
                List<String> ranges = new ArrayList<>();
                for (int[] run : runs) {
                    ranges.add(TIME.format(moment.start().plus(week.step().multipliedBy(run[0])).atZone(moment.zone())) + " – "
                            + TIME.format(moment.start().plus(week.step().multipliedBy(run[1])).atZone(moment.zone())));
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
        for (int slot = 0; slot < week.weekSlots(); slot++) {
            if (selected[slot] != candidate[slot]) {
                return Optional.empty();
            }
        }
        List<String> excepted = new ArrayList<>();
        int offset = week.weekSlots();
        for (Moment moment : week.moments()) {
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
        if (ranges.size() == 1 && ranges.get(0)[1] - ranges.get(0)[0] == week.weekSlots()) {
            return "all week";
        }
        List<String> parts = new ArrayList<>();
        for (int[] range : ranges) {
            // A range may end at, or run past, the week's end: its times continue into the next week.
            ZonedDateTime from = week.start().plus(week.step().multipliedBy(range[0])).atZone(zone);
            ZonedDateTime to = week.start().plus(week.step().multipliedBy(range[1])).atZone(zone);
            parts.add(Week.DAY_TIME.format(from) + " – " + Week.DAY_TIME.format(to));
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
