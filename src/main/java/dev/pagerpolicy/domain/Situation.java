package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Something already firing when an alert of the domain comes: an outage of the alert's own service or of one it
 * depends on, decided {@code way}. Only a page at once has someone awake on it; the others are there so that the gate
 * sees a rule that takes a held page, a ticket or another environment's page for someone at work.
 *
 * @param down        the service that is down
 * @param way         how its outage was decided
 * @param environment where the outage fired: the alert's own, but for {@link Way#ELSEWHERE}
 */
public record Situation(Service down, Way way, String environment) {
    /** How long before the alert the outage was decided: what a rule reading {@code since} sees. */
    static final Duration BEFORE = Duration.ofMinutes(10);
    /** How long after the alert a held page goes out: later than the alert, whatever the team's hours. */
    static final Duration HELD_FOR = Duration.ofHours(12);

    /** How the outage already firing was decided. */
    public enum Way {
        /** Paged to the on-call team at once: someone is awake on it. */
        AT_ONCE,
        /** A page held for business hours that have not begun: nobody is awake on it yet. */
        HELD,
        /** A ticket: nobody is woken for it. */
        TICKET,
        /** Paged at once, in another environment than the alert's: another incident. */
        ELSEWHERE
    }

    /** What an invariant's {@code when: {outage: ...}} says of the outage firing when an alert comes. */
    public enum OutageFiring implements WireNamed {
        /** Nothing is firing. */
        NONE,
        /** The alert's own service is down, paged at once. */
        SERVICE,
        /** A service it depends on is down, paged at once. */
        UPSTREAM,
        /** The alert's own service is down, its page held for business hours. */
        SERVICE_HELD,
        /** A service it depends on is down, its page held for business hours. */
        UPSTREAM_HELD,
        /** The alert's own service is down, ticketed. */
        SERVICE_TICKET,
        /** The alert's own service is down in another environment, paged at once there. */
        OTHER_ENVIRONMENT;

        @Override
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** What may be firing for an alert of a service that has (or lacks) services upstream. */
        public static List<OutageFiring> possible(boolean withUpstream) {
            return withUpstream ? List.of(values())
                    : List.of(NONE, SERVICE, SERVICE_HELD, SERVICE_TICKET, OTHER_ENVIRONMENT);
        }
    }

    /** The situations an alert of {@code service} may come in, of its own service and of {@code upstream}. */
    static List<Situation> of(Service service, String environment, String otherEnvironment, List<Service> upstream) {
        List<Situation> situations = new java.util.ArrayList<>();
        situations.add(new Situation(service, Way.AT_ONCE, environment));
        situations.add(new Situation(service, Way.HELD, environment));
        situations.add(new Situation(service, Way.TICKET, environment));
        situations.add(new Situation(service, Way.ELSEWHERE, otherEnvironment));
        for (Service up : upstream) {
            situations.add(new Situation(up, Way.AT_ONCE, environment));
            situations.add(new Situation(up, Way.HELD, environment));
        }
        return situations;
    }

    /**
     * The alert firing at {@code at} in this situation: decided {@link #BEFORE} earlier, for the on-call team, with
     * the labels of the alert it comes before (the same incident, whatever labels scope one).
     */
    FiringAlert firingAt(Instant at, Map<String, String> labels) {
        String key = "explored outage of " + down.name() + (way == Way.AT_ONCE ? "" : " " + name());
        Action action = way == Way.TICKET ? Action.TICKET : Action.PAGE;
        Severity severity = way == Way.AT_ONCE || way == Way.ELSEWHERE ? Severity.CRITICAL : Severity.HIGH;
        Instant notBefore = way == Way.HELD ? at.plus(HELD_FOR) : null;
        return new FiringAlert(key, down.name(), null, AlertKind.OUTAGE, severity, environment, at.minus(BEFORE),
                down.onCallTeam().name(), action, notBefore, key, labels);
    }

    /** What invariants call it, for an alert of {@code service}. */
    OutageFiring outageFiring(Service service) {
        boolean own = down.name().equals(service.name());
        return switch (way) {
            case AT_ONCE -> own ? OutageFiring.SERVICE : OutageFiring.UPSTREAM;
            case HELD -> own ? OutageFiring.SERVICE_HELD : OutageFiring.UPSTREAM_HELD;
            case TICKET -> OutageFiring.SERVICE_TICKET;
            case ELSEWHERE -> OutageFiring.OTHER_ENVIRONMENT;
        };
    }

    /** "checkout-api is down", "checkout-api is down (page held for business hours)". */
    public String describe() {
        return down.name() + " is down" + switch (way) {
            case AT_ONCE -> "";
            case HELD -> " (page held for business hours)";
            case TICKET -> " (ticketed)";
            case ELSEWHERE -> " in " + environment;
        };
    }

    /** "held", "ticket", "elsewhere": what tells it apart from an outage paged at once, in keys and names. */
    private String name() {
        return way.name().toLowerCase(Locale.ROOT);
    }

    /** The same situation, the alert's own service being {@code other} when it was {@code of}. */
    Situation movedTo(Service of, Service other) {
        return down.name().equals(of.name()) ? new Situation(other, way, environment) : this;
    }
}
