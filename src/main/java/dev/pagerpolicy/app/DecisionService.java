package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.app.observe.DecisionLog;
import dev.pagerpolicy.app.observe.DecisionMetrics;
import dev.pagerpolicy.app.observe.DecisionRecord;
import dev.pagerpolicy.app.observe.RecentDecisions;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.engine.ActiveRuleSet;
import dev.pagerpolicy.engine.Evaluation;
import dev.pagerpolicy.engine.Evaluator;
import dev.pagerpolicy.engine.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Decides alerts with whatever rule set is active when each one arrives, and leaves a trace of every
 * decision: metrics, one decision-log line, and an entry among the recent decisions.
 */
@ApplicationScoped
public class DecisionService {
    @Inject
    ActiveRuleSet active;
    @Inject
    Evaluator evaluator;
    @Inject
    Clock clock;
    @Inject
    DecisionMetrics metrics;
    @Inject
    DecisionLog log;
    @Inject
    RecentDecisions recent;
    @Inject
    ServingHealth health;
    @Inject
    ObjectMapper json;

    @Inject
    PagerPolicyConfig config;

    /** The decision for an alert as it arrived, read through the active policies' input mappings. */
    public EncodedDecision decide(AlertInput input) {
        return decide(input, "the alert");
    }

    /**
     * @param what names the alert in the fallback's reason when it cannot be read ("the Alertmanager alert")
     */
    public EncodedDecision decide(AlertInput input, String what) {
        PagerPolicyConfig.Alertmanager labels = config.alertmanager();
        LabelNames names = new LabelNames(labels.kindLabel(), labels.severityLabel(), labels.serviceLabel(),
                labels.modelLabel(), labels.environmentLabel(), labels.idLabel());
        InputReader.Read read = InputReader.read(input, active.get().catalog().inputs(), names, clock.instant());
        if (!read.readable()) {
            String id = input.id() != null ? input.id() : input.labels() == null ? null : input.labels().get(names.id());
            RuleSet ruleSet = active.get();
            return recorded(null, Evaluator.fallbackForUnread(ruleSet, id, read.severity(), read.environment(),
                    what + " could not be read: " + String.join("; ", read.problems())), List.of(), 0);
        }
        return decide(read.alert(), read.readAs());
    }

    /** The decision for the alert, with its JSON, which the answer embeds as it is. */
    public EncodedDecision decide(Alert alert) {
        return decide(alert, List.of());
    }

    /**
     * The decision for an alert read from raw labels, whose reasons begin with how it was read: each field an input
     * mapping set ({@code readAs}), so that "why was I paged?" names the policy that mapped the alert too.
     */
    public EncodedDecision decide(Alert alert, List<String> readAs) {
        try {
            long start = System.nanoTime();
            Evaluation evaluation = evaluator.evaluate(active.get(), alert);
            Decision decision = readAs.isEmpty() ? evaluation.decision() : withReasonsFirst(evaluation.decision(),
                    readAs.stream().map(note -> new Reason(READ_AS, note)).toList());
            return recorded(alert, decision, evaluation.firedRules(), System.nanoTime() - start);
        } catch (OutOfMemoryError e) {
            health.outOfMemory("deciding an alert", e);
            // The fallback is small enough to build when the rules were not: the alert still reaches someone.
            return encoded(Evaluator.fallback(active.get(), alert.id(), "the service ran out of memory while deciding"));
        }
    }

    /** The author of the reasons that say how a raw alert was read. */
    public static final String READ_AS = "input mapping";

    private static Decision withReasonsFirst(Decision decision, List<Reason> first) {
        List<Reason> reasons = new java.util.ArrayList<>(first);
        reasons.addAll(decision.reasons());
        return new Decision(decision.decisionId(), decision.alertId(), decision.target(), decision.action(),
                decision.ackWithin(), decision.notBefore(), decision.escalation(), decision.followUps(),
                decision.recommendations(), reasons, decision.policyVersion(), decision.fallback());
    }

    /** The fallback decision for an input that could not be read as an alert, recorded like any other. */
    public EncodedDecision fallback(String alertId, String cause) {
        RuleSet ruleSet = active.get();
        return recorded(null, Evaluator.fallback(ruleSet, alertId, cause), List.of(), 0);
    }

    /**
     * Writes the decision as JSON once: the answer, the decision-log line and the recent decision embed the same
     * bytes, and the log line is itself what the recent decisions keep.
     */
    private EncodedDecision recorded(Alert alert, Decision decision, List<String> firedRules, long tookNanos) {
        metrics.record(decision, firedRules, tookNanos);
        EncodedDecision encoded = encoded(decision);
        DecisionRecord record = new DecisionRecord(decision.decisionId(), clock.instant(), tookNanos / 1_000,
                decision.policyVersion(), log.mask(alert), encoded, firedRules);
        byte[] line = json(record);
        log.write(line);
        recent.add(record.decisionId(), line);
        return encoded;
    }

    private EncodedDecision encoded(Decision decision) {
        return new EncodedDecision(decision, json(decision));
    }

    /** Records of strings, numbers, enums, times and lists of them: writing them cannot fail but for a bug. */
    private byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
