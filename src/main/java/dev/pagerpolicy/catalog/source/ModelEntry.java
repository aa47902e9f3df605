package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;

/** A model as written in {@code models.yaml}. */
public record ModelEntry(@NotBlank String name, @NotBlank String service, @NotBlank String mlTeam,
                         @NotBlank String dataScienceTeam) implements NamedEntry {
}
