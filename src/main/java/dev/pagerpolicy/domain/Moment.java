package dev.pagerpolicy.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A stretch of time outside the reference week that the calendar makes different, explored beside it: a
 * holiday (the whole day, in the zone of the teams that keep it) or a maintenance window's first occurrence.
 *
 * @param label what it is: "Thanksgiving (Thu 2026-11-26 America/New_York)"
 * @param slots how many alert times of the week's step it spans
 */
public record Moment(String label, Instant start, int slots, ZoneId zone) {
}
