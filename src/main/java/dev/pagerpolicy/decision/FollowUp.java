package dev.pagerpolicy.decision;

import dev.pagerpolicy.catalog.Role;

/** Another team that is told about the alert, besides the target. */
public record FollowUp(String team, Role role, Action action) {
}
