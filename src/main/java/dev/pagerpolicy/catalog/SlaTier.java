package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Severity;
import java.time.Duration;
import java.util.Set;

/**
 * How quickly a service's alerts must be answered.
 *
 * @param ackWithin           how long a page may stay unacknowledged before it escalates
 * @param pagesAroundTheClock severities that page at any hour; other pages wait for the team's business hours
 */
public record SlaTier(String name, Duration ackWithin, Set<Severity> pagesAroundTheClock) {

    public SlaTier {
        pagesAroundTheClock = Set.copyOf(pagesAroundTheClock);
    }

    public boolean pagesAroundTheClock(Severity severity) {
        return pagesAroundTheClock.contains(severity);
    }
}
