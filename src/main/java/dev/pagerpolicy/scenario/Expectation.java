package dev.pagerpolicy.scenario;

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
 * @param rulesFired       each rule must have fired
 */
public record Expectation(TargetExpectation target, String action, Duration ackWithin, Instant notBefore,
                          Boolean deferred,
                          List<String> recommendations, List<FollowUpExpectation> followUps,
                          List<String> escalation, Boolean fallback, List<String> notPaged,
                          List<String> rulesFired) {

    public Expectation {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        notPaged = notPaged == null ? List.of() : List.copyOf(notPaged);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
    }

    public record TargetExpectation(String team, String role) {
    }

    public record FollowUpExpectation(String team, String role, String action) {
    }
}
