package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Duration;
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
 * @param outage      the service (the alert's own, or one it depends on) whose outage is already firing when the
 *                    alert comes, paged to its on-call team; null when nothing is firing
 * @param situations  in how many situations the domain has this alert: 1 (nothing firing), or that and each outage
 *                    it may come during; a report line true of all of them need not name any
 */
public record AlertShape(Service service, Model model, AlertKind kind, String environment, boolean production,
                         Map<String, String> labels, Map<String, Double> signals, Service outage, int situations) {
    /** How long before the alert the outage it comes during was paged: what a rule reading {@code since} sees. */
    static final Duration OUTAGE_BEFORE = Duration.ofMinutes(10);

    /** What an invariant's {@code when: {outage: ...}} says of the outage firing when an alert comes. */
    public enum OutageFiring implements WireNamed {
        /** Nothing is firing. */
        NONE,
        /** The alert's own service is down. */
        SERVICE,
        /** A service it depends on is down. */
        UPSTREAM;

        @Override
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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
                outage != null && outage.name().equals(service.name()) ? other : outage, situations);
    }

    /**
     * The same alert, coming while {@code down} is down (null: while nothing is firing), one of {@code situations}
     * the domain has it in.
     */
    public AlertShape during(Service down, int situations) {
        return new AlertShape(service, model, kind, environment, production, labels, signals, down, situations);
    }

    /** "nothing is firing", "checkout-api is down": what is firing when the alert comes. */
    public String situation() {
        return outage == null ? "nothing is firing" : outage.name() + " is down";
    }

    public OutageFiring outageFiring() {
        if (outage == null) {
            return OutageFiring.NONE;
        }
        return outage.name().equals(service.name()) ? OutageFiring.SERVICE : OutageFiring.UPSTREAM;
    }

    /**
     * What is firing when the alert comes at {@code at}: the outage, critical, paged to the on-call team of the
     * service that is down {@link #OUTAGE_BEFORE} earlier; nothing when the shape has no outage.
     */
    public List<FiringAlert> firingAt(Instant at) {
        if (outage == null) {
            return List.of();
        }
        String key = "explored outage of " + outage.name();
        return List.of(new FiringAlert(key, outage.name(), null, AlertKind.OUTAGE, Severity.CRITICAL,
                at.minus(OUTAGE_BEFORE), outage.onCallTeam().name(), Action.PAGE, key));
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
        return subject(outage != null);
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
        if (withOutage && outage != null) {
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
