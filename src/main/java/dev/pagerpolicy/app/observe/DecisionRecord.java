package dev.pagerpolicy.app.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.app.EncodedDecision;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one decision after it was made: what "why was I paged?" needs. The same shape is
 * logged as one JSON line and served by {@code GET /v1/decisions/{decisionId}}.
 *
 * @param alert      the alert as decided, labels masked; null when the input could not be read as an alert
 * @param maskedLabels the names of the alert's labels whose values are masked; null when none is
 * @param decision   the decision, written as its JSON was written once for the answer too
 * @param rulesFired every rule that fired, in order
 * @param repeat     true when this replica decided the same alert, with the same rule set, before (an Alertmanager
 *                   retry or repeated notification): the decision id is the same; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(String decisionId, Instant evaluatedAt, long tookMicros, String policyVersion,
                             Alert alert, List<String> maskedLabels, EncodedDecision decision,
                             List<String> rulesFired, Boolean repeat, String alertKey, Instant endsAt,
                             Boolean resolved) {
    public DecisionRecord {
        maskedLabels = maskedLabels == null || maskedLabels.isEmpty() ? null : List.copyOf(maskedLabels);
        rulesFired = List.copyOf(rulesFired);
    }
}
