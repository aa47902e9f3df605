package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about an alert of the domain but its severity and time: what findings are grouped by, since
 * identical outcomes across severities and contiguous times read as one line.
 *
 * @param model       null for an alert about the service itself
 * @param environment the environment the alert names; {@code production} says whether it counts as production
 */
public record AlertShape(Service service, Model model, AlertKind kind, String environment, boolean production,
                         Map<String, String> labels, Map<String, Double> signals) {

    public AlertShape {
        labels = new TreeMap<>(labels);
        signals = new TreeMap<>(signals);
    }

    /** The same alert of another service. */
    public AlertShape withService(Service other) {
        return new AlertShape(other, model, kind, environment, production, labels, signals);
    }

    public Alert alert(Severity severity, Instant at) {
        return new Alert(null, kind, severity, service.name(), model == null ? null : model.name(), environment, at,
                labels, signals);
    }

    /** How many of the author's label and signal values it carries; the simplest counterexample has fewest. */
    public int extras() {
        return labels.size() + signals.size();
    }

    /** "checkout-api (model fraud-detector, staging, customer_impact=true)": the alert but its kind and severity. */
    public String subject() {
        List<String> details = new ArrayList<>();
        if (model != null) {
            details.add("model " + model.name());
        }
        if (!production) {
            details.add(environment);
        }
        labels.forEach((name, value) -> details.add(name + "=" + value));
        signals.forEach((name, value) -> details.add(name + "=" + value));
        return service.name() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    /** "outage/critical, high of checkout-api (staging)". */
    public String describe(List<Severity> severities) {
        return kind.wireName() + "/" + String.join(", ", severities.stream().map(Severity::wireName).toList())
                + " of " + subject();
    }
}
