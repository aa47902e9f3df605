package dev.pagerpolicy.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Which calendars answered on this thread while it was recording: each team asked whether it is within its business
 * hours, which holiday it keeps, or when its hours next begin, and each maintenance window asked which occurrence is
 * under way. An evaluation depends on the time of its alert only through these answers (when its rules read time only
 * through the calendars), so another time that gives the same answers to the same questions is decided alike, even if
 * other calendars answer it differently. One answer is the very instant asked about, which is the same at no other
 * time: {@link Team#nextBusinessHoursStart} during business hours; a recording says whether it heard that echo.
 */
public final class CalendarReads {
    /** What a calendar was asked. */
    public enum Question {
        WITHIN_BUSINESS_HOURS, HOLIDAY, NEXT_BUSINESS_HOURS_START, MAINTENANCE_UNDER_WAY
    }

    /** One question to one calendar: a {@link Team} or a {@link MaintenanceWindow}. */
    public record Read(Object calendar, Question question) {
    }

    /** What the calendars were asked during one recording, repeats included, and whether one echoed the instant. */
    public static final class Recording {
        private final List<Read> reads = new ArrayList<>();
        private boolean echoed;

        public List<Read> reads() {
            return reads;
        }

        /** Whether a calendar answered with the very instant it was asked about. */
        public boolean echoed() {
            return echoed;
        }
    }

    private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

    private CalendarReads() {
    }

    static void read(Object calendar, Question question) {
        Recording recording = RECORDING.get();
        if (recording != null) {
            recording.reads.add(new Read(calendar, question));
        }
    }

    /** A calendar answered with the very instant it was asked about. */
    static void echo() {
        Recording recording = RECORDING.get();
        if (recording != null) {
            recording.echoed = true;
        }
    }

    /** Starts recording on this thread, forgetting what was recorded before. */
    public static void record() {
        RECORDING.set(new Recording());
    }

    /** Stops recording on this thread: what the calendars were asked since {@link #record()}. */
    public static Recording stop() {
        Recording recording = RECORDING.get();
        RECORDING.remove();
        return recording == null ? new Recording() : recording;
    }
}
