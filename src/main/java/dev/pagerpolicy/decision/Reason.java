package dev.pagerpolicy.decision;

/** Why a decision is what it is: the rule that contributed, and what it did in plain words. */
public record Reason(String rule, String explanation) {
    /** The author of the reasons that say how a raw alert was read: which input mapping set which field. */
    public static final String INPUT_MAPPING = "input mapping";

    public static Reason ofInputMapping(String note) {
        return new Reason(INPUT_MAPPING, note);
    }
}
