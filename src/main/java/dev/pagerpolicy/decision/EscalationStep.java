package dev.pagerpolicy.decision;

import dev.pagerpolicy.catalog.Role;
import java.time.Duration;

/** Who is paged next if the page is still unacknowledged {@code after} this long. */
public record EscalationStep(Duration after, String team, Role role) {
}
