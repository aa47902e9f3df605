package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A team as written in {@code teams.yaml}, before its role, zone and hours are parsed. */
public record TeamEntry(@NotBlank String name, @NotBlank String role, @NotNull Boolean onCallRotation,
                        @NotBlank String timeZone, @NotBlank String businessHours,
                        @Min(0) @Max(2) Integer mlopsMaturity) implements NamedEntry {
}
