package dev.pagerpolicy.catalog;

/**
 * A service that raises alerts, with every team reference already resolved.
 *
 * @param onCallTeam the team that holds the pager for the service's health
 * @param devTeam    the team that writes the service; the next step of an escalation
 * @param dataTeam   the data engineering team that owns the service's data pipelines
 */
public record Service(String name, SlaTier tier, Team onCallTeam, Team devTeam, Team dataTeam) {
}
