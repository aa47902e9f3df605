package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * A service as written in {@code services.yaml}; {@code dataTeam} defaults to the organisation's, {@code dependsOn}
 * (the services it cannot work without) to none.
 */
public record ServiceEntry(@NotBlank String name, @NotBlank String tier, @NotBlank String onCallTeam,
                           @NotBlank String devTeam, String dataTeam, List<String> dependsOn) implements NamedEntry {
}
