package dev.pagerpolicy.decision;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import java.time.Instant;

/**
 * An alert decided before and still firing, of the service of the alert being decided or of a service it depends on
 * (however far upstream): a fact rules match to tell an outage from what the outage causes, or a second alert of a
 * service from the first.
 *
 * @param key        what makes it the same alert when sent again (its Alertmanager fingerprint, its id)
 * @param since      when it fired
 * @param team       the team its decision went to
 * @param action     what its decision did: {@code PAGE} when that team was woken for it
 * @param decisionId its decision, for the reasons of the decisions it explains
 */
public record FiringAlert(String key, String service, String model, AlertKind kind, Severity severity, Instant since,
                          String team, Action action, String decisionId) {
}
