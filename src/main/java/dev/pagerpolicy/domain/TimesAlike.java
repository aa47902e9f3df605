package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Holiday;
import dev.pagerpolicy.catalog.MaintenanceWindow;
import dev.pagerpolicy.catalog.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The alert times of a {@link Week} that the catalog's calendars answer alike: for every team, whether it is within
 * its business hours, which holiday it keeps, and (outside its hours) when they next begin; for every maintenance
 * window, which occurrence is under way. Rules that read time only through those calendars decide such times
 * alike, so each needs evaluating once: at the first of them. Between two boundaries of the calendars nothing
 * changes, and outside everybody's hours even days apart may be alike (a Saturday and a Sunday night, before the
 * same Monday).
 */
public final class TimesAlike {
    private final int[] firstAlike;
    private final int distinct;

    private TimesAlike(int[] firstAlike) {
        this.firstAlike = firstAlike;
        this.distinct = (int) IntStream.range(0, firstAlike.length)
                .filter(slot -> firstAlike[slot] == slot).count();
    }

    /** Every time of the week on its own: for rules that read time otherwise. */
    public static TimesAlike none(Week week) {
        return new TimesAlike(IntStream.range(0, week.slots()).toArray());
    }

    public static TimesAlike of(Catalog catalog, Week week) {
        List<Team> teams = catalog.teams().values().stream().sorted(Comparator.comparing(Team::name)).toList();
        int[] firstAlike = new int[week.slots()];
        Map<List<Object>, Integer> firstBySignature = new HashMap<>();
        for (int slot = 0; slot < firstAlike.length; slot++) {
            firstAlike[slot] = firstBySignature.computeIfAbsent(signature(teams, catalog.maintenance(),
                    week.at(slot)), s -> firstBySignature.size());
        }
        // the map numbered signatures in the order first seen; turn each number into its first slot
        int[] slotOfSignature = new int[firstBySignature.size()];
        Arrays.fill(slotOfSignature, -1);
        for (int slot = 0; slot < firstAlike.length; slot++) {
            if (slotOfSignature[firstAlike[slot]] < 0) {
                slotOfSignature[firstAlike[slot]] = slot;
            }
            firstAlike[slot] = slotOfSignature[firstAlike[slot]];
        }
        return new TimesAlike(firstAlike);
    }

    /** Everything the calendars say of {@code at}. */
    private static List<Object> signature(List<Team> teams, List<MaintenanceWindow> windows, Instant at) {
        List<Object> said = new ArrayList<>(teams.size() * 3 + windows.size());
        for (Team team : teams) {
            boolean working = team.isWithinBusinessHours(at);
            said.add(working);
            said.add(team.holidayAt(at).map(Holiday::name).orElse(""));
            said.add(working ? "" : nextStart(team, at));
        }
        for (MaintenanceWindow window : windows) {
            said.add(window.activeAt(at).map(Object.class::cast).orElse(""));
        }
        return said;
    }

    private static Object nextStart(Team team, Instant at) {
        try {
            return team.nextBusinessHoursStart(at);
        } catch (IllegalStateException noWorkingDay) {
            return "never";
        }
    }

    /** The first time of the week alike to {@code slot}: itself, or an earlier one. */
    public int firstAlike(int slot) {
        return firstAlike[slot];
    }

    /** How many times need evaluating: one per group of times alike. */
    public int distinct() {
        return distinct;
    }
}
