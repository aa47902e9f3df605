package dev.pagerpolicy.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One alert as the rules see it: immutable, already validated, with defaults applied.
 *
 * @param id          the caller's identifier, echoed in the decision (may be null)
 * @param kind        what went wrong
 * @param severity    how bad it is
 * @param service     the service that alerted, as named in {@code policies/services.yaml}
 * @param model       the model concerned, if any, as named in {@code policies/models.yaml}
 * @param environment where it happened; default {@value #PRODUCTION}
 * @param firedAt     when it fired: the clock of every time-dependent rule
 * @param labels      free-form labels from the caller
 * @param signals     numeric signals from the caller, e.g. {@code driftScore}
 * @param production  whether its environment is one the organisation counts as production
 *                    ({@code productionEnvironments} of {@code policies/organisation.yaml}); the engine sets it
 */
public record Alert(String id, AlertKind kind, Severity severity, String service, String model,
                    String environment, Instant firedAt, Map<String, String> labels, Map<String, Double> signals,
                    boolean production) {

    public static final String PRODUCTION = "production";

    public Alert {
        environment = environment == null ? PRODUCTION : environment;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /** An alert as received: production if its environment is {@value #PRODUCTION} (or not given), until judged. */
    public Alert(String id, AlertKind kind, Severity severity, String service, String model, String environment,
                 Instant firedAt, Map<String, String> labels, Map<String, Double> signals) {
        this(id, kind, severity, service, model, environment, firedAt, labels, signals,
                environment == null || PRODUCTION.equals(environment));
    }

    /** The same alert, production if its environment is one of {@code productionEnvironments}. */
    public Alert judgedBy(Set<String> productionEnvironments) {
        return new Alert(id, kind, severity, service, model, environment, firedAt, labels, signals,
                productionEnvironments.contains(environment));
    }

    /** For rules: {@code Alert( production )}, {@code Alert( !production )}. */
    public boolean isProduction() {
        return production;
    }

    /** A label's value, or null: lets a rule write {@code label("region") == "eu"}. */
    public String label(String name) {
        return labels.get(name);
    }

    /**
     * A label's value, or {@code ""} when the alert has no such label, as Alertmanager reads labels: lets a rule
     * write {@code labelValue("env") != "testing"} or {@code labelValue("team") matches "db|storage"} (a regular
     * expression that must match the whole value) and hold for alerts without the label too.
     */
    public String labelValue(String name) {
        return labels.getOrDefault(name, "");
    }

    /** A signal's value, or null: lets a rule write {@code signal("driftScore") > 0.3}. */
    public Double signal(String name) {
        return signals.get(name);
    }
}
