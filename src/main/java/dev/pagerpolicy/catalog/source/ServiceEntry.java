package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;

/** A service as written in {@code services.yaml}; {@code dataTeam} defaults to the organisation's. */
public record ServiceEntry(@NotBlank String name, @NotBlank String tier, @NotBlank String onCallTeam,
                           @NotBlank String devTeam, String dataTeam) implements NamedEntry {
}
