package dev.pagerpolicy.catalog;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A team that can be paged, ticketed or told.
 *
 * @param mlopsMaturity 0 (manual), 1 (automated pipelines) or 2 (continuous training); 0 for teams without models
 */
public record Team(String name, Role role, boolean onCallRotation, ZoneId timeZone, BusinessHours businessHours,
                   int mlopsMaturity) {

    /** Whether {@code instant} falls within this team's business hours, in its own time zone. */
    public boolean isWithinBusinessHours(Instant instant) {
        return businessHours.contains(instant.atZone(timeZone));
    }

    /** {@code instant} itself during business hours, otherwise when they next begin for this team. */
    public Instant nextBusinessHoursStart(Instant instant) {
        return businessHours.nextStart(instant.atZone(timeZone)).toInstant();
    }
}
