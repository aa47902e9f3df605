package dev.pagerpolicy.catalog.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** An SLA tier as written in {@code sla-tiers.yaml}. */
public record TierEntry(@NotBlank String name, @NotBlank String ackWithin, @NotNull List<String> pagesAroundTheClock) implements NamedEntry {
}
