package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * An alert decided before and still firing, of the service of the alert being decided or of a service it depends on
 * (however far upstream): a fact rules match to tell an outage from what the outage causes, or a second alert of a
 * service from the first.
 *
 * <p>Only someone awake absorbs a page: a page held for business hours woke nobody until its {@code notBefore}, and a
 * ticket never did. Rules ask {@link #awakeAt} with the time of the alert they decide, and compare
 * {@code environment} with the alert's, since an outage in staging is not the production incident.
 *
 * @param key         what makes it the same alert when sent again (its Alertmanager fingerprint, its id)
 * @param environment where it fired, as the alert said ({@value Alert#PRODUCTION} when it did not)
 * @param since       when it fired
 * @param team        the team its decision went to
 * @param action      what its decision did: {@code PAGE} when that team was (or will be) woken for it
 * @param notBefore   when a held page goes out (the start of the team's business hours); null for a page at once
 * @param decisionId  its decision, for the reasons of the decisions it explains
 * @param scope       its labels that organisation.yaml's {@code incidentScope} names ({@code cluster}, ...)
 */
public record FiringAlert(String key, String service, String model, AlertKind kind, Severity severity,
                          String environment, Instant since, String team, Action action, Instant notBefore,
                          String decisionId, Map<String, String> scope) {

    @JsonCreator
    public FiringAlert {
        // Entries kept before environments were kept (a shared store outlives a version) are production's.
        environment = environment == null ? Alert.PRODUCTION : environment;
        scope = scope == null ? Map.of() : Map.copyOf(scope);
    }

    /** Without labels of an incident's scope. */
    public FiringAlert(String key, String service, String model, AlertKind kind, Severity severity,
                       String environment, Instant since, String team, Action action, Instant notBefore,
                       String decisionId) {
        this(key, service, model, kind, severity, environment, since, team, action, notBefore, decisionId, Map.of());
    }

    /** A page at once (or what {@code action} says) in production. */
    public FiringAlert(String key, String service, String model, AlertKind kind, Severity severity, Instant since,
                       String team, Action action, String decisionId) {
        this(key, service, model, kind, severity, Alert.PRODUCTION, since, team, action, null, decisionId);
    }

    /**
     * A label of the incident's scope, or {@code ""} when it had none, as {@link Alert#labelValue} reads the alert's:
     * {@code FiringAlert( label("cluster") == $cluster )}.
     */
    public String label(String name) {
        return scope.getOrDefault(name, "");
    }

    /**
     * Whether its team has been woken for it by {@code moment}: a page, at once or held until {@code moment} at the
     * latest. For rules: {@code FiringAlert( awakeAt($firedAt) )}.
     */
    public boolean awakeAt(Instant moment) {
        return action == Action.PAGE && (notBefore == null || !notBefore.isAfter(moment));
    }

    /** When its team was (or will be) paged: when its held page goes out, else when it fired. */
    @JsonIgnore
    public Instant pagedAt() {
        return notBefore == null ? since : notBefore;
    }
}
