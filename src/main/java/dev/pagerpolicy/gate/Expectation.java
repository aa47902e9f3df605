package dev.pagerpolicy.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a scenario expects of the decision; every field is optional and only the fields given are checked.
 *
 * @param recommendations  each must be among the decision's recommendations
 * @param followUps        each must match one of the decision's follow-ups (fields given only)
 * @param escalation       the teams of the escalation chain, exactly and in order
 * @param notPaged         teams that must not be paged: not as a paged target, follow-up or escalation step
 * @param deferred         whether the page waits ({@code notBefore} set): {@code false} means it goes out now
 * @param fallback         whether the fallback decided; when not stated, the fallback fails the scenario, so
 *                         that broken rules cannot pass by landing on a fallback team that happens to be expected
 * @param rulesFired       each rule must have fired
 * @param reasons          each text must appear in one of the decision's reasons (explanation or rule name)
 */
public record Expectation(TargetExpectation target, String action, Duration ackWithin, Instant notBefore,
                          Boolean deferred,
                          List<String> recommendations, List<FollowUpExpectation> followUps,
                          List<String> escalation, Boolean fallback, List<String> notPaged,
                          List<String> rulesFired, List<String> reasons) {

    public Expectation {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        notPaged = notPaged == null ? List.of() : List.copyOf(notPaged);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether it states anything to check: {@code expect: {}} would pass whatever the rules decide. */
    public boolean isEmpty() {
        return target == null && action == null && ackWithin == null && notBefore == null && deferred == null
                && recommendations.isEmpty() && followUps.isEmpty() && escalation == null && fallback == null
                && notPaged.isEmpty() && rulesFired.isEmpty() && reasons.isEmpty();
    }

    public record TargetExpectation(String team, String role) {
    }

    public record FollowUpExpectation(String team, String role, String action) {
    }
}
