package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.decision.FiringAlert;
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
 * @param firing      what is already firing when the alert comes (an outage of its service or of one upstream, paged
 *                    at once, held, ticketed or in another environment); null when nothing is
 * @param situations  in how many situations the domain has this alert: 1 (nothing firing), or that and each
 *                    situation it may come in; a report line true of all of them need not name any
 */
public record AlertShape(Service service, Model model, AlertKind kind, String environment, boolean production,
                         Map<String, String> labels, Map<String, Double> signals, Situation firing, int situations) {

    public AlertShape {
        labels = new TreeMap<>(labels);
        signals = new TreeMap<>(signals);
    }

    /** An alert that comes while nothing is firing. */
    public AlertShape(Service service, Model model, AlertKind kind, String environment, boolean production,
                      Map<String, String> labels, Map<String, Double> signals) {
        this(service, model, kind, environment, production, labels, signals, null, 1);
    }

    /** The same alert of another service; an outage of the service itself becomes the other's. */
    public AlertShape withService(Service other) {
        return new AlertShape(other, model, kind, environment, production, labels, signals,
                firing == null ? null : firing.movedTo(service, other), situations);
    }

    /**
     * The same alert, coming in {@code firing} (null: while nothing is firing), one of {@code situations} the domain
     * has it in.
     */
    public AlertShape during(Situation firing, int situations) {
        return new AlertShape(service, model, kind, environment, production, labels, signals, firing, situations);
    }

    /** The service whose outage is firing when the alert comes, or null. */
    public Service outage() {
        return firing == null ? null : firing.down();
    }

    /** "nothing is firing", "checkout-api is down": what is firing when the alert comes. */
    public String situation() {
        return firing == null ? "nothing is firing" : firing.describe();
    }

    public Situation.OutageFiring outageFiring() {
        return firing == null ? Situation.OutageFiring.NONE : firing.outageFiring(service);
    }

    /** What is firing when the alert comes at {@code at}: nothing, or the one alert of its situation. */
    public List<FiringAlert> firingAt(Instant at) {
        return firing == null ? List.of() : List.of(firing.firingAt(at, labels));
    }

    public Alert alert(Severity severity, Instant at) {
        return new Alert(null, kind, severity, service.name(), model == null ? null : model.name(), environment, at,
                labels, signals);
    }

    /** How many of the author's label and signal values it carries; the simplest counterexample has fewest. */
    public int extras() {
        return labels.size() + signals.size();
    }

    /**
     * "checkout-api (model fraud-detector, staging, customer_impact=true, while feature-store is down)": the alert
     * but its kind and severity.
     */
    public String subject() {
        return subject(firing != null);
    }

    /** The subject without what is firing: what report lines true in several situations share. */
    public String plainSubject() {
        return subject(false);
    }

    private String subject(boolean withOutage) {
        List<String> details = new ArrayList<>();
        if (model != null) {
            details.add("model " + model.name());
        }
        if (!production) {
            details.add(environment);
        }
        labels.forEach((name, value) -> details.add(name + "=" + value));
        signals.forEach((name, value) -> details.add(name + "=" + value));
        if (withOutage && firing != null) {
            details.add("while " + situation());
        }
        return service.name() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    /** "outage/critical, high of checkout-api (staging)". */
    public String describe(List<Severity> severities) {
        return kind.wireName() + "/" + String.join(", ", severities.stream().map(Severity::wireName).toList())
                + " of " + subject();
    }
}
