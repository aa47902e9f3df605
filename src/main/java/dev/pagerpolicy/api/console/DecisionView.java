package dev.pagerpolicy.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A decision as a person reads it: who was told, how, when, what happens if nobody answers, and every reason with
 * the rule that wrote it. Built from the decision's record (its decision-log line) or from a decision just made.
 *
 * @param alert       "outage/critical of checkout-api (production)", or what could not be read
 * @param labels      the alert's labels, masked ones as the log keeps them
 * @param who         "platform-sre (ops)"
 * @param how         the action: page, ticket, notify, automate, ignore
 * @param when        "at once", or when a page that waits for business hours goes out
 * @param timeline    the page, then each escalation step: what a person on the chain can expect
 * @param fallbackHint when the fallback decided: why, and what would let the rules decide
 */
public record DecisionView(String decisionId, String evaluatedAt, String policyVersion, String alert, String alertId,
                           Map<String, String> labels, List<String> maskedLabels, String who, String how,
                           boolean paging, String when, List<Step> timeline, List<String> followUps,
                           List<String> recommendations, List<ReasonLine> reasons, boolean fallback,
                           String fallbackHint, List<String> rulesFired, boolean repeat) {

    /** One moment of a page's life: "after 15 min unacknowledged" → "payments-dev (dev)". */
    public record Step(String at, String who) {
    }

    /** A reason with the rule that wrote it and what it changed. */
    public record ReasonLine(String rule, String effect, String explanation) {
    }

    /** From a decision-log line ({@code DecisionRecord} JSON), read. */
    static DecisionView ofRecord(JsonNode node, ObjectMapper mapper) throws IOException {
        Alert alert = node.path("alert").isObject() ? mapper.treeToValue(node.get("alert"), Alert.class) : null;
        Decision decision = mapper.treeToValue(node.get("decision"), Decision.class);
        List<String> masked = new ArrayList<>();
        node.path("maskedLabels").forEach(name -> masked.add(name.asText()));
        List<String> fired = new ArrayList<>();
        node.path("rulesFired").forEach(rule -> fired.add(rule.asText()));
        return of(alert, decision, node.path("evaluatedAt").asText(""), masked, fired,
                node.path("repeat").asBoolean(false));
    }

    /** From a decision just made, not recorded: a trial. */
    static DecisionView of(Alert alert, Decision decision, Instant at) {
        return of(alert, decision, at.toString(), List.of(), List.of(), false);
    }

    private static DecisionView of(Alert alert, Decision decision, String evaluatedAt, List<String> masked,
                                   List<String> fired, boolean repeat) {
        String who = decision.target().team() + " (" + decision.target().role().wireName() + ")";
        boolean paging = decision.action() == Action.PAGE;
        String when = decision.notBefore() == null ? "at once"
                : "waits for business hours: " + decision.notBefore();
        List<Step> timeline = new ArrayList<>();
        if (paging) {
            timeline.add(new Step(decision.notBefore() == null ? "at once" : "at " + decision.notBefore(), who
                    + (decision.ackWithin() == null ? "" : ", to acknowledge within " + human(decision.ackWithin()))));
            for (EscalationStep step : decision.escalation()) {
                timeline.add(new Step("still unacknowledged after " + human(step.after()),
                        step.team() + " (" + step.role().wireName() + ")"));
            }
            if (decision.escalationRepeats() != null && decision.escalationRepeats() > 0) {
                timeline.add(new Step("still unacknowledged at the end", "the chain starts again from "
                        + decision.target().team() + ", " + decision.escalationRepeats() + " more time(s)"));
            }
        }
        List<String> followUps = decision.followUps().stream().map(DecisionView::followUp).toList();
        List<ReasonLine> reasons = decision.reasons().stream().map(DecisionView::reasonLine).toList();
        String hint = decision.fallback() ? fallbackHint(decision) : null;
        return new DecisionView(decision.decisionId(), evaluatedAt, decision.policyVersion(), describe(alert),
                alert == null ? decision.alertId() : alert.id(), alert == null ? Map.of() : new TreeMap<>(alert.labels()),
                masked, who, decision.action().wireName(), paging, when, timeline, followUps,
                decision.recommendations(), reasons, decision.fallback(), hint, fired, repeat);
    }

    private static String followUp(FollowUp followUp) {
        return followUp.action().wireName() + " " + followUp.team() + " (" + followUp.role().wireName() + ")";
    }

    private static ReasonLine reasonLine(Reason reason) {
        String effect = reason.effect() == null ? "" : reason.effect().wireName()
                + (reason.value() == null ? "" : " " + reason.value());
        return new ReasonLine(reason.rule(), effect, reason.explanation());
    }

    /** The fallback's reason says what could not be read or which rule failed: what would let the rules decide. */
    private static String fallbackHint(Decision decision) {
        String why = decision.reasons().isEmpty() ? "no rule decided"
                : decision.reasons().get(decision.reasons().size() - 1).explanation();
        return why + ". The rules decide it once an alert like it is read (its kind, severity and service known to"
                + " the policies) and a rule matches it; `explore` lists the alerts no rule decides.";
    }

    static String describe(Alert alert) {
        if (alert == null) {
            return "an input that could not be read as an alert";
        }
        String kind = alert.kind() == null ? "unknown kind" : alert.kind().wireName();
        String severity = alert.severity() == null ? "unknown severity" : alert.severity().wireName();
        StringBuilder text = new StringBuilder(kind + "/" + severity + " of "
                + (alert.service() == null ? "no service" : alert.service()));
        List<String> details = new ArrayList<>();
        if (alert.model() != null) {
            details.add("model " + alert.model());
        }
        if (alert.environment() != null) {
            details.add(alert.environment());
        }
        if (!details.isEmpty()) {
            text.append(" (").append(String.join(", ", details)).append(")");
        }
        if (alert.firedAt() != null) {
            text.append(", fired ").append(alert.firedAt());
        }
        return text.toString();
    }

    /** "15 min", "1 h 30 min", "45 s". */
    static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + " s";
        }
        return minutes >= 60 ? minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min")
                : minutes + " min";
    }
}
