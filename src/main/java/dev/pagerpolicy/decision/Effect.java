package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pagerpolicy.alert.WireNamed;

/**
 * What one reason changed in a decision, and the value it gave: the part of a reason that the engine writes, so
 * that it cannot disagree with the decision (the author's words are a note beside it). Each constant is one
 * recording method of {@link DecisionDraft}, or the reading of the raw alert.
 */
public enum Effect implements WireNamed {
    /** The target and action were set; value: "page platform-sre". */
    ROUTE("route"),
    /** The action was lowered; value: "ticket (was page)". */
    DOWNGRADE("downgrade"),
    /** The page went to another team; value: "analytics-eu (was analytics-dev)". */
    HAND_OVER("hand-over"),
    /** value: the acknowledgement time, "PT5M". */
    ACK_WITHIN("ack-within"),
    /** value: the instant the page waits for. */
    DEFER("defer"),
    /** The page goes out now whatever comes after; value: "page platform-sre". */
    PAGE_NOW("page-now"),
    /** A change {@link #PAGE_NOW} kept from happening; value: the call, e.g. "downgrade to ticket". */
    KEPT_IMMEDIATE("kept-immediate"),
    /** value: the team added as the next escalation step, with its own delay if it has one ("payments-dev after PT10M"). */
    ESCALATE("escalate"),
    /** value: how many more times the chain runs, "2 times". */
    REPEAT_ESCALATION("repeat-escalation"),
    /** value: "ticket ml-team". */
    FOLLOW_UP("follow-up"),
    /** value: the recommendation. */
    RECOMMEND("recommend"),
    /** How the raw alert was read (an input mapping); changes nothing the rules decided. */
    READ("read");

    private final String wireName;

    Effect(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Effect fromWireName(String value) {
        return WireNamed.parse(Effect.class, value);
    }
}
