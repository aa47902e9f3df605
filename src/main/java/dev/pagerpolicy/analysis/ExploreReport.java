package dev.pagerpolicy.analysis;

import dev.pagerpolicy.gate.InvariantResult;
import java.util.List;
import java.util.Map;

/**
 * What {@code explore} found over the whole domain of a rule set.
 *
 * @param inputClasses how many classes of alerts were evaluated
 * @param step         the time between two alert times of the reference week
 * @param times        alert times explored: the week's, and those of the calendar's moments
 * @param timesEvaluated of those, the times evaluated: one per group of times the calendars answer alike, when the
 *                     rules read time only through them; all of them otherwise
 * @param rulesRun     for how many of the classes of alerts the rules ran: the others got the decision of one the rules
 *                     cannot tell them from (a service alike, a time whose calendars answer its questions alike)
 * @param labelled     the labels and signals the domain's alerts carry (each set also absent): those {@code domain.yaml}
 *                     names and those the rules compare, "labelled alertname=Watchdog", "with signals driftScore=0.4"
 * @param calendar     the holidays and maintenance windows explored beside the week
 * @param gaps         alerts no rule decides, which reach the fallback
 * @param failures     alerts for which the rules throw, loop, time out or conflict
 * @param deadRules    rules that fire for no alert of the domain
 * @param woken        by team: the alerts that page it at once outside its business hours
 * @param invariants   how each invariant fared
 */
public record ExploreReport(String policyVersion, long inputClasses, int alertShapes, String week, String step,
                            int times, int timesEvaluated, long rulesRun, List<String> labelled, List<String> calendar,
                            long tookMillis, List<Finding> gaps, List<Finding> failures, List<String> deadRules,
                            Map<String, Wakes> woken, List<InvariantResult> invariants) {

    /** The alerts that wake one team, and how many classes of alerts that is. */
    public record Wakes(long inputClasses, List<Finding> alerts) {
    }

    /**
     * The same report, as if it had taken no time and evaluated every alert at every time: what two explorations that
     * should agree are compared by.
     */
    public ExploreReport findingsOnly() {
        return new ExploreReport(policyVersion, inputClasses, alertShapes, week, step, times, times, inputClasses,
                labelled, calendar, 0, gaps, failures, deadRules, woken, invariants);
    }

    public boolean clean() {
        return gaps.isEmpty() && failures.isEmpty() && invariants.stream().allMatch(InvariantResult::holds);
    }
}
