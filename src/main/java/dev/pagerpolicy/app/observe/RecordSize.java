package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.util.Map;

/**
 * A cautious estimate of the heap one {@link DecisionRecord} holds: two bytes per character (strings that
 * are not Latin-1 take two) and a fixed overhead per object. Rule names shared with the rule set are counted
 * as if copied, so the estimate errs on the side of holding less.
 */
final class RecordSize {
    /** Object header, fields and references of a record, list or map entry, rounded up. */
    private static final long OBJECT = 48;
    /** A string's object and array headers. */
    private static final long STRING = 56;

    private RecordSize() {
    }

    static long estimate(DecisionRecord record) {
        long size = 4 * OBJECT + text(record.decisionId()) + text(record.policyVersion());
        for (String rule : record.rulesFired()) {
            size += OBJECT + text(rule);
        }
        return size + alert(record.alert()) + decision(record.decision());
    }

    private static long alert(Alert alert) {
        if (alert == null) {
            return 0;
        }
        long size = 4 * OBJECT + text(alert.id()) + text(alert.service()) + text(alert.model())
                + text(alert.environment());
        for (Map.Entry<String, String> label : alert.labels().entrySet()) {
            size += OBJECT + text(label.getKey()) + text(label.getValue());
        }
        for (String signal : alert.signals().keySet()) {
            size += 2 * OBJECT + text(signal);
        }
        return size;
    }

    private static long decision(Decision decision) {
        long size = 8 * OBJECT + text(decision.decisionId()) + text(decision.alertId()) + text(decision.policyVersion())
                + text(decision.target().team());
        for (EscalationStep step : decision.escalation()) {
            size += 2 * OBJECT + text(step.team());
        }
        for (FollowUp followUp : decision.followUps()) {
            size += OBJECT + text(followUp.team());
        }
        for (String recommendation : decision.recommendations()) {
            size += OBJECT + text(recommendation);
        }
        for (Reason reason : decision.reasons()) {
            size += OBJECT + text(reason.rule()) + text(reason.explanation());
        }
        return size;
    }

    private static long text(String value) {
        return value == null ? 0 : STRING + 2L * value.length();
    }
}
