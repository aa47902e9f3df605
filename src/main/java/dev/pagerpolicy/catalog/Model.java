package dev.pagerpolicy.catalog;

/**
 * A machine-learning model served by a service.
 *
 * @param mlTeam          the ML engineers who run it in production; their MLOps maturity shapes drift handling
 * @param dataScienceTeam the data scientists who build it; never woken for it at night
 */
public record Model(String name, Service service, Team mlTeam, Team dataScienceTeam) {
}
