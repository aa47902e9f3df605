package dev.pagerpolicy.firing;

import dev.pagerpolicy.decision.FiringAlert;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The alerts decided and still firing, by service: what an outage's alerts are told, so that it explains the alerts
 * it causes. Each is kept until it is resolved or until its time is up: an alert that is never resolved does not
 * explain others for ever. A store that cannot be reached throws {@link FiringAlertsUnavailable}; deciding goes on
 * without it.
 */
public interface FiringAlerts {
    /** Keeps nothing: every alert is decided alone. */
    FiringAlerts NONE = new FiringAlerts() {
        @Override
        public void firing(FiringAlert alert, Instant until) {
        }

        @Override
        public void resolved(String key) {
        }

        @Override
        public List<FiringAlert> of(Set<String> services, Instant now) {
            return List.of();
        }

        @Override
        public String where() {
            return "nowhere (pager-policy.correlation.store=none): every alert is decided alone";
        }
    };

    /** Keeps {@code alert} as firing until {@code until}, replacing what was kept under its key. */
    void firing(FiringAlert alert, Instant until);

    /** Forgets the alert kept under {@code key}, if one is. */
    void resolved(String key);

    /** The alerts still firing at {@code now} of any of {@code services}, in no particular order. */
    List<FiringAlert> of(Set<String> services, Instant now);

    /** Where they are kept, for operators: "in memory", "Redis at redis://...". */
    String where();

    /** Forgets every alert whose time is up at {@code now}, read or not; a store that expires its own does nothing. */
    default void sweep(Instant now) {
    }

    /** Alerts forgotten before their time to keep within its bounds. */
    default long evicted() {
        return 0;
    }

    /** Values read that were not alerts it wrote (another program's, truncated, too large): skipped, counted here. */
    default long skipped() {
        return 0;
    }
}
