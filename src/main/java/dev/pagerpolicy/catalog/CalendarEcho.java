package dev.pagerpolicy.catalog;

/**
 * Whether, on this thread, a calendar has answered with the very instant it was asked about: what
 * {@link Team#nextBusinessHoursStart} does during business hours. Every other answer of the calendars is the same
 * for all times between two of their boundaries, which lets an exploration evaluate one time for all of them; an
 * evaluation that heard an echo may have used the alert's own time, and is not shared.
 */
public final class CalendarEcho {
    private static final ThreadLocal<boolean[]> HEARD = ThreadLocal.withInitial(() -> new boolean[1]);

    private CalendarEcho() {
    }

    static void echo() {
        HEARD.get()[0] = true;
    }

    /** Forgets what this thread heard: called before an evaluation whose echoes are to be known. */
    public static void clear() {
        HEARD.get()[0] = false;
    }

    /** Whether a calendar echoed an instant on this thread since {@link #clear()}. */
    public static boolean heard() {
        return HEARD.get()[0];
    }
}
