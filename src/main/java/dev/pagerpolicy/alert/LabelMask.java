package dev.pagerpolicy.alert;

/**
 * What the decision log and {@code GET /v1/decisions} show for a masked label's value. A reader of the log learns
 * which labels were masked from the record's {@code maskedLabels}, never from this value, which a label may also
 * carry as its own.
 */
public final class LabelMask {
    public static final String VALUE = "***";

    private LabelMask() {
    }
}
