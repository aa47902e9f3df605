package dev.pagerpolicy.catalog;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A maintenance window that is open when an alert fires: a fact beside the alert, so that a rule can write
 * {@code Maintenance( $window : name, $end : endsAt )}. Inserted only while a window of the alert's service, or
 * of its model, is open.
 */
public record Maintenance(String name, String reason, Instant startedAt, Instant endsAt, ZoneId timeZone) {
}
