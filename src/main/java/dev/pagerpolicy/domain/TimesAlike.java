package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.CalendarReads;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.MaintenanceWindow;
import dev.pagerpolicy.catalog.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The alert times of a {@link Week} that the catalog's calendars answer alike: for every team, whether it is within
 * its business hours, which holiday it keeps, and (outside its hours) when they next begin; for every maintenance
 * window, which occurrence is under way. Rules that read time only through those calendars decide such times
 * alike, so each needs evaluating once: at the first of them. Between two boundaries of the calendars nothing
 * changes, and outside everybody's hours even days apart may be alike (a Saturday and a Sunday night, before the
 * same Monday).
 * <p>
 * One alert's rules ask only some calendars (its service's teams, its windows), so more times are alike for it: those
 * that answer alike the questions its evaluation asked ({@link CalendarReads}), which {@link #questions} and
 * {@link #answers} compare.
 */
public final class TimesAlike {
    /** What a team's calendar says, in this order, from its first place in a signature. */
    private static final int TEAM_ANSWERS = 3;

    private final int[] firstAlike;
    private final int distinct;
    /** Every slot's signature: what every calendar says then; empty when times are not shared. */
    private final List<List<Object>> signatures;
    /** Where each calendar's answers begin in a signature, by identity of the catalog's team or window. */
    private final Map<Object, Integer> placeOf;

    private TimesAlike(int[] firstAlike, List<List<Object>> signatures, Map<Object, Integer> placeOf) {
        this.firstAlike = firstAlike;
        this.distinct = (int) IntStream.range(0, firstAlike.length)
                .filter(slot -> firstAlike[slot] == slot).count();
        this.signatures = signatures;
        this.placeOf = placeOf;
    }

    /** Every time of the week on its own: for rules that read time otherwise. */
    public static TimesAlike none(Week week) {
        return new TimesAlike(IntStream.range(0, week.slots()).toArray(), List.of(), Map.of());
    }

    public static TimesAlike of(Catalog catalog, Week week) {
        List<Team> teams = catalog.teams().values().stream().sorted(Comparator.comparing(Team::name)).toList();
        Map<Object, Integer> placeOf = new IdentityHashMap<>();
        for (Team team : teams) {
            placeOf.put(team, placeOf.size() * TEAM_ANSWERS);
        }
        List<MaintenanceWindow> windows = catalog.maintenance();
        for (int i = 0; i < windows.size(); i++) {
            placeOf.putIfAbsent(windows.get(i), teams.size() * TEAM_ANSWERS + i);
        }
        int[] firstAlike = new int[week.slots()];
        List<List<Object>> signatures = new ArrayList<>(firstAlike.length);
        Map<List<Object>, Integer> firstBySignature = new HashMap<>();
        for (int slot = 0; slot < firstAlike.length; slot++) {
            List<Object> signature = signature(teams, catalog.maintenance(), week.at(slot));
            signatures.add(signature);
            firstAlike[slot] = firstBySignature.computeIfAbsent(signature, s -> firstBySignature.size());
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
        return new TimesAlike(firstAlike, signatures, placeOf);
    }

    /** Everything the calendars say of {@code at}: for each team {@value #TEAM_ANSWERS} answers, then each window's. */
    private static List<Object> signature(List<Team> teams, List<MaintenanceWindow> windows, Instant at) {
        List<Object> said = new ArrayList<>(teams.size() * TEAM_ANSWERS + windows.size());
        for (Team team : teams) {
            boolean working = team.isWithinBusinessHours(at);
            said.add(working);
            said.add(team.holidayAt(at).map(Object.class::cast).orElse(""));
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

    /**
     * Where in a signature the answers to these questions are, or empty when one of them is not a question to the
     * catalog's own calendars (or times are not shared at all): then nothing tells which times answer alike.
     */
    public Optional<int[]> questions(List<CalendarReads.Read> reads) {
        if (signatures.isEmpty()) {
            return Optional.empty();
        }
        BitSet places = new BitSet();
        for (CalendarReads.Read read : reads) {
            Integer place = placeOf.get(read.calendar());
            if (place == null) {
                return Optional.empty();
            }
            places.set(place + switch (read.question()) {
                case WITHIN_BUSINESS_HOURS, MAINTENANCE_UNDER_WAY -> 0;
                case HOLIDAY -> 1;
                case NEXT_BUSINESS_HOURS_START -> 2;
            });
        }
        return Optional.of(places.stream().toArray());
    }

    /** What the calendars answer at {@code slot} to the {@link #questions}. */
    public Object[] answers(int slot, int[] questions) {
        List<Object> signature = signatures.get(slot);
        Object[] answers = new Object[questions.length];
        for (int i = 0; i < questions.length; i++) {
            answers[i] = signature.get(questions[i]);
        }
        return answers;
    }

    /** Whether the calendars answer the {@link #questions} at {@code slot} as {@code answers} say. */
    public boolean answersAlike(int slot, int[] questions, Object[] answers) {
        List<Object> signature = signatures.get(slot);
        for (int i = 0; i < questions.length; i++) {
            if (!signature.get(questions[i]).equals(answers[i])) {
                return false;
            }
        }
        return true;
    }

    /** How many times need evaluating: one per group of times alike. */
    public int distinct() {
        return distinct;
    }
}
