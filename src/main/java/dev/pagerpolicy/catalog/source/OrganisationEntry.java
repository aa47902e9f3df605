package dev.pagerpolicy.catalog.source;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Organisation-wide settings from {@code organisation.yaml}. */
public record OrganisationEntry(@NotNull @Valid Fallback fallback, @NotBlank String dataEngineeringTeam,
                                List<@NotBlank String> productionEnvironments,
                                List<@NotBlank String> incidentScope) {

    /**
     * Who handles an alert no rule decides, how fast they must answer a page, and which production alerts are
     * worth a page (severities; default critical and high): any other gets a ticket for the fallback team.
     */
    public record Fallback(@NotBlank String team, @NotBlank String ackWithin, List<String> pagesFor) {
    }
}
