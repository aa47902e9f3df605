package dev.pagerpolicy.catalog;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Time zones as policies name them: IANA names only (Europe/Berlin, America/New_York, UTC). Java also reads fixed
 * offsets ({@code GMT+1}, {@code +01:00}), which ignore daylight saving time, so a team's 09:00 would be an hour off
 * for half the year: they are refused like any name that is not a zone.
 */
final class TimeZones {
    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();

    private TimeZones() {
    }

    static Optional<ZoneId> named(String name) {
        return name != null && IANA.contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** What to say of a name that is not a zone. */
    static String unknown(String name) {
        boolean offset = name != null && name.matches("(?i)(GMT|UTC|UT)?[+-]\\d.*");
        return "unknown time zone \"" + name + "\" (use an IANA name such as Europe/Berlin"
                + (offset ? "; a fixed offset ignores daylight saving time)" : ")");
    }
}
