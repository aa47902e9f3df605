package dev.pagerpolicy.explore;

/**
 * One line of a report: alerts of one shape, some severities, some times of the week, and what happens to them.
 *
 * @param alerts       "outage/critical, high of checkout-api (staging)"
 * @param when         "Sat 00:00 – Mon 09:00 Europe/Madrid", or "all week"
 * @param what         what happens to them, or what changed
 * @param inputClasses how many classes of the domain the line stands for
 */
public record Finding(String alerts, String when, String what, long inputClasses) {
    public String text() {
        return alerts + ", " + when + ": " + what;
    }
}
