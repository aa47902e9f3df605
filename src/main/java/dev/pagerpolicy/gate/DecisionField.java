package dev.pagerpolicy.gate;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a decision says, field by field, in the words every reader of decisions uses: a scenario's {@code expect},
 * an invariant's {@code never} and {@code always}, and the aspects {@code diff} and {@code replay} count. A field has
 * one or more values, written as text ({@code "page"}, {@code "PT5M"}, {@code "null"} for none).
 */
public enum DecisionField {
    TARGET_TEAM("target.team", o -> List.of(o.team())),
    TARGET_ROLE("target.role", o -> List.of(o.role().wireName())),
    ACTION("action", o -> List.of(o.action().wireName())),
    ACK_WITHIN("ackWithin", o -> List.of(String.valueOf(o.ackWithin()))),
    NOT_BEFORE("notBefore", o -> List.of(String.valueOf(o.notBefore()))),
    /** Whether a page waits for business hours: {@code notBefore} is set. */
    DEFERRED("deferred", o -> List.of(String.valueOf(o.notBefore() != null))),
    FALLBACK("fallback", o -> List.of(String.valueOf(o.fallback()))),
    /** The teams of the escalation steps, in order. */
    ESCALATION("escalation", o -> o.escalation().stream().map(EscalationStep::team).toList()),
    /** How many more times the chain runs when its last step is not acknowledged: "0" for none. */
    ESCALATION_REPEATS("escalationRepeats", o -> List.of(String.valueOf(o.escalationRepeats() == null ? 0
            : o.escalationRepeats()))),
    /** "ticket recs-ds": each follow-up's action and team. */
    FOLLOW_UPS("followUps", o -> o.followUps().stream().map(f -> f.action().wireName() + " " + f.team()).toList()),
    /** Every team a page can wake: the target of a page, each escalation step, each follow-up that pages. */
    PAGED_TEAM("paged.team", o -> paged(o, EscalationStep::team, FollowUp::team, o.team())),
    /** The roles of the teams {@link #PAGED_TEAM} names. */
    PAGED_ROLE("paged.role", o -> paged(o, s -> s.role().wireName(), f -> f.role().wireName(), o.role().wireName()));

    private final String wireName;
    private final Function<Outcome, List<String>> values;

    DecisionField(String wireName, Function<Outcome, List<String>> values) {
        this.wireName = wireName;
        this.values = values;
    }

    public String wireName() {
        return wireName;
    }

    /** Its values in {@code outcome}: one for most fields, none or several for the lists. */
    public List<String> valuesOf(Outcome outcome) {
        return values.apply(outcome);
    }

    /** Its values as one text: a list joined with ", then " (escalation steps follow each other). */
    public String textOf(Outcome outcome) {
        List<String> all = valuesOf(outcome);
        return all.isEmpty() ? "none" : String.join(", then ", all);
    }

    public static Optional<DecisionField> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    // Asked for every alert an invariant checks: a map, not a search.
    private static final java.util.Map<String, DecisionField> BY_NAME = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(DecisionField::wireName, field -> field));

    /** Whether {@code team} is woken by the decision: its target of a page, an escalation step, or paged to follow up. */
    public static boolean pages(Outcome outcome, String team) {
        return PAGED_TEAM.valuesOf(outcome).contains(team);
    }

    private static List<String> paged(Outcome o, Function<EscalationStep, String> ofStep,
                                      Function<FollowUp, String> ofFollowUp, String ofTarget) {
        List<String> paged = new ArrayList<>();
        if (o.action() == Action.PAGE) {
            paged.add(ofTarget);
        }
        o.escalation().stream().map(ofStep).forEach(paged::add);
        o.followUps().stream().filter(f -> f.action() == Action.PAGE).map(ofFollowUp).forEach(paged::add);
        return paged;
    }
}
