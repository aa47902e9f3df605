package dev.pagerpolicy.catalog;

import java.util.List;

/**
 * A service that raises alerts, with every team reference already resolved.
 *
 * @param onCallTeam the team that holds the pager for the service's health
 * @param devTeam    the team that writes the service; the next step of an escalation
 * @param dataTeam   the data engineering team that owns the service's data pipelines
 * @param dependsOn  the services it cannot work without (a feature store, a database), by name: an outage of one
 *                   of them explains this service's alerts
 */
public record Service(String name, SlaTier tier, Team onCallTeam, Team devTeam, Team dataTeam, List<String> dependsOn) {
    public Service {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
