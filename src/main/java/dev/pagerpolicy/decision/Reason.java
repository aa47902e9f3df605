package dev.pagerpolicy.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a decision is what it is: the rule that contributed (set by the engine, never by the rule), what it changed
 * and to what ({@code effect} and {@code value}, written by the engine from the change itself), and the author's
 * words ({@code explanation}). A fallback's reason has the fallback's route as its effect; reasons read back from
 * an older decision log may have none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String rule, Effect effect, String value, String explanation) {
    /** The author of the reasons that say how a raw alert was read: which input mapping set which field. */
    public static final String INPUT_MAPPING = "input mapping";

    public static Reason ofInputMapping(String note) {
        return new Reason(INPUT_MAPPING, Effect.READ, null, note);
    }

    /** The reason as one readable line: "escalate payments-dev: unacknowledged pages escalate …". */
    public String line() {
        if (effect == null || effect == Effect.READ) {
            return explanation;
        }
        return effect.wireName() + " " + value + ": " + explanation;
    }
}
