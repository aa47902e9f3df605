package dev.pagerpolicy.catalog.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Organisation-wide settings from {@code organisation.yaml}. */
public record OrganisationEntry(@NotNull @Valid Fallback fallback, @NotBlank String dataEngineeringTeam) {

    /** Who pages, and how fast they must answer, when no rule decides. */
    public record Fallback(@NotBlank String team, @NotBlank String ackWithin) {
    }
}
