package dev.pagerpolicy.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Which calendars answered on this thread while it was recording: each team asked whether it is within its business
 * hours, which holiday it keeps, or when its hours next begin, and each maintenance window asked which occurrence is
 * under way. An evaluation depends on the time of its alert only through these answers (when its rules read time only
 * through the calendars), so another time that gives the same answers to the same questions is decided alike, even if
 * other calendars answer it differently.
 */
public final class CalendarReads {
    /** What a calendar was asked. */
    public enum Question {
        WITHIN_BUSINESS_HOURS, HOLIDAY, NEXT_BUSINESS_HOURS_START, MAINTENANCE_UNDER_WAY
    }

    /** One question to one calendar: a {@link Team} or a {@link MaintenanceWindow}. */
    public record Read(Object calendar, Question question) {
    }

    private static final ThreadLocal<List<Read>> RECORDING = new ThreadLocal<>();

    private CalendarReads() {
    }

    static void read(Object calendar, Question question) {
        List<Read> reads = RECORDING.get();
        if (reads != null) {
            reads.add(new Read(calendar, question));
        }
    }

    /** Starts recording on this thread, forgetting what was recorded before. */
    public static void record() {
        RECORDING.set(new ArrayList<>());
    }

    /** Stops recording on this thread: what the calendars were asked since {@link #record()}, repeats included. */
    public static List<Read> stop() {
        List<Read> reads = RECORDING.get();
        RECORDING.remove();
        return reads == null ? List.of() : reads;
    }
}
