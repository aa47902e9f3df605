package dev.pagerpolicy.firing;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the alerts still firing are to a decision, over any {@link FiringAlerts} store: which of them a decision
 * sees, which decided alerts are kept as firing and until when. The service decides with it; {@code replay} rebuilds
 * what was firing with it, so that both see the same.
 */
public final class Correlator {
    /**
     * The firing alerts a decision sees at most, beside those it always sees (see {@link #firingFor}): the pages
     * first, the earliest first. A storm of alerts on one service would otherwise make every decision of it join
     * thousands of facts, for rules that ask whether one outage pages someone.
     */
    public static final int MAX_FACTS = 8;
    private static final Comparator<FiringAlert> PAGES_FIRST = Comparator
            .comparing((FiringAlert alert) -> alert.action() != Action.PAGE).thenComparing(FiringAlert::since)
            .thenComparing(FiringAlert::key);
    private static final Comparator<FiringAlert> EARLIEST = Comparator.comparing(FiringAlert::since)
            .thenComparing(FiringAlert::key);

    private final FiringAlerts store;
    private final Duration resolveTimeout;

    /** @param resolveTimeout how long an alert that is never resolved counts as firing after it was decided */
    public Correlator(FiringAlerts store, Duration resolveTimeout) {
        this.store = store;
        this.resolveTimeout = resolveTimeout;
    }

    /**
     * The alerts still firing of the alert's service and its upstream services, but the alert itself (by its
     * {@code key}, which may be null) and those paged to a team the catalog no longer has; none for an alert that
     * names no service.
     *
     * <p>What rules ask of them comes first, before any limit: for each of those services, in the alert's
     * environment, the earliest page its team is awake for at the alert's time and the earliest outage of any
     * action. However many others fire (a storm of one service, model alerts that fired before the outage upstream),
     * the page that explains the alert is among the facts. The rest, at most {@link #MAX_FACTS}, pages first.
     *
     * @throws FiringAlertsUnavailable when the store cannot be read
     */
    public List<FiringAlert> firingFor(Catalog catalog, Alert alert, String key, Instant now) {
        if (alert == null || alert.service() == null) {
            return List.of();
        }
        Set<String> services = catalog.withUpstream(alert.service());
        // A page to a team a reload has since removed explains nothing the rules could route to.
        List<FiringAlert> firing = store.of(services, now).stream()
                .filter(other -> key == null || !other.key().equals(key))
                .filter(other -> catalog.teams().containsKey(other.team())).toList();
        Instant at = alert.firedAt() == null ? now : alert.firedAt();
        Map<String, FiringAlert> earliestAwake = new HashMap<>();
        Map<String, FiringAlert> earliestOutage = new HashMap<>();
        for (FiringAlert other : firing) {
            if (!other.environment().equals(alert.environment())) {
                continue;
            }
            if (other.awakeAt(at)) {
                earliestAwake.merge(other.service(), other, Correlator::earlier);
            }
            if (other.kind() == AlertKind.OUTAGE) {
                earliestOutage.merge(other.service(), other, Correlator::earlier);
            }
        }
        Set<FiringAlert> seen = new LinkedHashSet<>();
        earliestAwake.values().stream().sorted(EARLIEST).forEach(seen::add);
        earliestOutage.values().stream().sorted(EARLIEST).forEach(seen::add);
        firing.stream().filter(other -> !seen.contains(other)).sorted(PAGES_FIRST).limit(MAX_FACTS)
                .forEach(seen::add);
        return List.copyOf(seen);
    }

    private static FiringAlert earlier(FiringAlert one, FiringAlert other) {
        return EARLIEST.compare(one, other) <= 0 ? one : other;
    }

    /**
     * Keeps the decided alert as firing until {@code endsAt}, or a resolve timeout from now, when its decision paged
     * someone (at once or held for business hours); the key is what makes it the same alert when
     * sent again, or its decision id when nothing does. The decision must be the one recorded, with its final id:
     * the reasons of the decisions it explains quote that id.
     *
     * @throws FiringAlertsUnavailable when the store cannot be written
     */
    public void firing(Catalog catalog, Alert alert, Decision decision, String key, Instant endsAt, Instant now) {
        if (alert == null || alert.service() == null) {
            return; // what has no service explains nothing: rules match firing alerts by service
        }
        if (decision.action() != Action.PAGE) {
            // Only a page has someone on the cause (now, or once its held time comes); keeping tickets and notifies
            // would cost every decision a write, and a read for each that follows, for rules that ask about pages.
            return;
        }
        Instant timeout = now.plus(resolveTimeout);
        Instant until = endsAt != null && endsAt.isAfter(now) && endsAt.isBefore(timeout) ? endsAt : timeout;
        store.firing(new FiringAlert(key == null ? decision.decisionId() : key, alert.service(), alert.model(),
                alert.kind(), alert.severity(), alert.environment(), alert.firedAt(), decision.target().team(),
                decision.action(), decision.notBefore(), decision.decisionId(), scopeOf(catalog, alert)), until);
    }

    /** The alert's labels that the organisation names as an incident's scope. */
    private static Map<String, String> scopeOf(Catalog catalog, Alert alert) {
        Map<String, String> scope = new HashMap<>();
        for (String label : catalog.incidentScope()) {
            String value = alert.label(label);
            if (value != null) {
                scope.put(label, value);
            }
        }
        return scope;
    }

    /**
     * Forgets the alert of {@code key}, if any: it stopped firing.
     *
     * @throws FiringAlertsUnavailable when the store cannot be written
     */
    public void resolved(String key) {
        if (key != null) {
            store.resolved(key);
        }
    }

    /** Forgets the alerts whose time is up at {@code now}, of every service. */
    public void sweep(Instant now) {
        store.sweep(now);
    }

    /** Alerts the store forgot before their time, to keep within its bounds. */
    public long evicted() {
        return store.evicted();
    }

    /** Values the store skipped as not alerts it wrote. */
    public long skipped() {
        return store.skipped();
    }

    /** Where firing alerts are kept, for operators. */
    public String where() {
        return store.where();
    }
}
