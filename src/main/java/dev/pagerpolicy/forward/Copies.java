package dev.pagerpolicy.forward;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The copies of a decided alert that go on to Alertmanager, one per recipient: the target, then each follow-up, each
 * the alert's own labels and annotations with the decision's beside them, so that Alertmanager's routes deliver each to
 * its receiver by {@code pp_team} and {@code pp_action}. An {@code ignore} reaches no one: it has no copy.
 */
public final class Copies {
    public static final String TEAM = "pp_team";
    public static final String ROLE = "pp_role";
    public static final String ACTION = "pp_action";
    public static final String DECISION_ID = "pp_decision_id";
    public static final String FALLBACK = "pp_fallback";
    /** The annotations: the reasons in one line, the acknowledgement time, the escalation chain, a held page's time. */
    public static final String SUMMARY = "pp_summary";
    public static final String ACK_WITHIN = "pp_ack_within";
    public static final String ESCALATION = "pp_escalation";
    public static final String NOT_BEFORE = "pp_not_before";
    /** A summary longer than this is cut: Alertmanager's receivers show it, and a message has a size. */
    static final int MAX_SUMMARY = 1_000;

    private Copies() {
    }

    /**
     * One copy to forward, from {@code sendFrom} on: null for at once, a held page's {@code notBefore} otherwise.
     */
    public record Copy(PostableAlert alert, Instant sendFrom) {
        /** Whether it may go out at {@code now}. */
        public boolean dueAt(Instant now) {
            return sendFrom == null || !sendFrom.isAfter(now);
        }
    }

    /** The copies of {@code original} for each recipient of {@code decision}. */
    public static List<Copy> of(PostableAlert original, Decision decision) {
        List<Copy> copies = new ArrayList<>();
        if (decision.action() != Action.IGNORE) {
            copies.add(new Copy(copy(original, decision, decision.target().team(), decision.target().role().wireName(),
                    decision.action(), true), decision.action() == Action.PAGE ? decision.notBefore() : null));
        }
        for (FollowUp followUp : decision.followUps()) {
            if (followUp.action() != Action.IGNORE) {
                copies.add(new Copy(copy(original, decision, followUp.team(), followUp.role().wireName(),
                        followUp.action(), false), null));
            }
        }
        return copies;
    }

    private static PostableAlert copy(PostableAlert original, Decision decision, String team, String role,
                                      Action action, boolean target) {
        Map<String, String> labels = new LinkedHashMap<>(original.labels());
        labels.put(TEAM, team);
        labels.put(ROLE, role);
        labels.put(ACTION, action.wireName());
        labels.put(DECISION_ID, decision.decisionId());
        if (decision.fallback()) {
            labels.put(FALLBACK, "true");
        }
        Map<String, String> annotations = new LinkedHashMap<>(original.annotations());
        annotations.put(SUMMARY, summary(decision.reasons()));
        if (target && decision.ackWithin() != null) {
            annotations.put(ACK_WITHIN, decision.ackWithin().toString());
        }
        if (target && !decision.escalation().isEmpty()) {
            annotations.put(ESCALATION, decision.escalation().stream().map(Copies::step)
                    .collect(Collectors.joining(", then ")));
        }
        if (target && decision.notBefore() != null) {
            annotations.put(NOT_BEFORE, decision.notBefore().toString());
        }
        return new PostableAlert(labels, annotations, original.startsAt(), original.endsAt(), original.generatorURL());
    }

    private static String step(EscalationStep step) {
        return step.team() + " after " + step.after();
    }

    /** The reasons' explanations in their order, in one line. */
    private static String summary(List<Reason> reasons) {
        String all = reasons.stream().map(Reason::explanation).collect(Collectors.joining("; "));
        return all.length() <= MAX_SUMMARY ? all : all.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
