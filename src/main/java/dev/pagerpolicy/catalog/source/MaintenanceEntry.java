package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;

/**
 * A maintenance window as written in {@code maintenance.yaml}: of a service or of a model, from a local start
 * to a local end (or for a duration) in a time zone, once or every week.
 */
public record MaintenanceEntry(@NotBlank String name, String service, String model, @NotBlank String start,
                               String end, String duration, @NotBlank String timeZone, Boolean weekly,
                               String reason) implements NamedEntry {
}
