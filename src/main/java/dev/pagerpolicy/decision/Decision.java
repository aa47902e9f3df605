package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The answer for one alert: who, how urgently, who next, and why.
 *
 * @param ackWithin   set when paging: how long before the page escalates
 * @param notBefore   set when a page waits for the target's business hours
 * @param policyVersion content hash of the rules and policies that decided
 * @param fallback    true when no rule could decide and the catalog's fallback team was paged
 * @param escalationRepeats how many more times the escalation chain runs when its last step is not acknowledged;
 *                    null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String decisionId, String alertId, Target target, Action action, Duration ackWithin,
                       Instant notBefore, List<EscalationStep> escalation, List<FollowUp> followUps,
                       List<String> recommendations, List<Reason> reasons, String policyVersion, boolean fallback,
                       Integer escalationRepeats) {

    public Decision {
        escalation = List.copyOf(escalation);
        followUps = List.copyOf(followUps);
        recommendations = List.copyOf(recommendations);
        reasons = List.copyOf(reasons);
    }

    /** The same decision under another id: the one the same alert always gets (see {@link DecisionIds#ofAlert}). */
    public Decision withDecisionId(String id) {
        return new Decision(id, alertId, target, action, ackWithin, notBefore, escalation, followUps, recommendations,
                reasons, policyVersion, fallback, escalationRepeats);
    }

    /** The same decision, its reasons preceded by {@code first} (how the alert was read, say). */
    public Decision withReasonsFirst(List<Reason> first) {
        if (first.isEmpty()) {
            return this;
        }
        List<Reason> all = new java.util.ArrayList<>(first);
        all.addAll(reasons);
        return new Decision(decisionId, alertId, target, action, ackWithin, notBefore, escalation, followUps,
                recommendations, all, policyVersion, fallback, escalationRepeats);
    }
}
