package dev.pagerpolicy.decision;

import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.catalog.Team;

/** Who receives the alert: a team, and the role it plays. */
public record Target(String team, Role role) {
    public static Target of(Team team) {
        return new Target(team.name(), team.role());
    }
}
