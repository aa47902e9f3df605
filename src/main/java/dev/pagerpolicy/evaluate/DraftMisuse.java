package dev.pagerpolicy.evaluate;

/**
 * A rule asked the draft for a change that would make the decision untrue (a downgrade that raises the urgency,
 * an escalation of a ticket, a blank note). Thrown from the rule's consequence, so the evaluation fails and the
 * fallback decides, its reason naming the rule and this message.
 */
final class DraftMisuse extends RuntimeException {
    DraftMisuse(String message) {
        super(message, null, false, false);
    }
}
