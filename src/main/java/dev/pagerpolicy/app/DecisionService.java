package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.app.observe.DecisionLog;
import dev.pagerpolicy.app.observe.DecisionMetrics;
import dev.pagerpolicy.app.observe.DecisionRecord;
import dev.pagerpolicy.app.observe.RecentDecisions;
import dev.pagerpolicy.app.observe.ResolutionRecord;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.DecisionIds;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.evaluate.ReadingReasons;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    @Inject
    Correlation correlation;

    /**
     * The decision for an alert as a caller sent it, read through the active policies' input mappings. An alert
     * with an {@code id} and a {@code firedAt} is the same alert when it is sent again: same decision id. Its id with
     * its service and kind make it the same alert: a resolve that names the id of another service's alert resolves
     * nothing.
     */
    public EncodedDecision decide(AlertInput input) {
        return decide(input, "the alert", input.id() == null ? null
                : "id " + input.id() + " (" + (input.kind() == null ? null : input.kind().wireName()) + " of "
                + input.service() + ")");
    }

    /**
     * @param what         names the alert in the fallback's reason when it cannot be read ("the Alertmanager alert")
     * @param sameAlertKey what identifies the alert across repeats (Alertmanager's fingerprint), or null: with its
     *                     {@code firedAt} and the rule set's version it makes the decision id, so that a retried or
     *                     repeated alert gets the same id on every replica, and the decision log marks the repeat
     */
    public EncodedDecision decide(AlertInput input, String what, String sameAlertKey) {
        RuleSet ruleSet = active.get();
        Repeat repeat = new Repeat(sameAlertKey, input.firedAt());
        InputReader.Read read = InputReader.read(input, ruleSet.catalog().inputs(), configuredLabels(), clock.instant());
        if (input.isResolved()) {
            correlation.resolved(sameAlertKey);
        }
        return decide(ruleSet, read, what, repeat, input.isResolved() ? null : new Firing(input.endsAt()));
    }

    /**
     * The decision a rule set (the active one, or a candidate) would make for an alert, with what is firing now,
     * leaving no trace: not recorded, not counted, not kept as firing. What a person trying an alert in the console
     * sees.
     */
    public Trial trial(AlertInput input, RuleSet ruleSet) {
        InputReader.Read read = InputReader.read(input, ruleSet.catalog().inputs(), configuredLabels(), clock.instant());
        return new Trial(read.alert(), evaluate(ruleSet, read, "the alert", null, clock.instant()).decision());
    }

    /** An alert as the policies read it, and the decision the rule set would make for it. */
    public record Trial(Alert alert, Decision decision) {
    }

    /**
     * Evaluates the alert read with what is firing now (but itself, by {@code key}); the decision's reasons begin with
     * how the alert was read: each field an input mapping set, so that "why was I paged?" names the policy that mapped
     * the alert too, each value it gave that the rules ran without ({@link ReadingReasons}), and why what is firing
     * could not be read, if it could not.
     */
    private Evaluation evaluate(RuleSet ruleSet, InputReader.Read read, String what, String key, Instant now) {
        Alert alert = read.alert();
        // A rule set without rules on firing alerts has no use for them: the store is not read.
        Correlation.Lookup lookup = ruleSet.rulesOnFiringAlerts().isEmpty() ? Correlation.Lookup.NOTHING
                : correlation.firingFor(ruleSet.catalog(), alert, key, now);
        Evaluation evaluation = evaluator.evaluate(ruleSet, alert, read.unreadCause(what), lookup.firing());
        List<Reason> first = new ArrayList<>(ReadingReasons.of(read, evaluation.decision()));
        lookup.unavailable().ifPresent(first::add);
        return new Evaluation(evaluation.decision().withReasonsFirst(first), evaluation.firedRules(),
                evaluation.fallback());
    }

    /** Forgets the alert of {@code sameAlertKey} among those firing: it was resolved, and is not decided again. */
    public void resolved(String sameAlertKey) {
        correlation.resolved(sameAlertKey);
        if (sameAlertKey != null) {
            log.write(json(new ResolutionRecord(sameAlertKey, clock.instant())));
        }
    }

    /** That a decided alert is still firing, until {@code endsAt} if it says. */
    private record Firing(Instant endsAt) {
    }

    private volatile LabelNames configuredLabels;

    /** Which labels carry an alert's fields unless the policies say ({@code pager-policy.alertmanager.*-label}). */
    private LabelNames configuredLabels() {
        LabelNames names = configuredLabels;
        if (names == null) {
            PagerPolicyConfig.Alertmanager labels = config.alertmanager();
            names = new LabelNames(labels.kindLabel(), labels.severityLabel(), labels.serviceLabel(),
                    labels.modelLabel(), labels.environmentLabel(), labels.idLabel());
            configuredLabels = names; // the configuration does not change while the service runs
        }
        return names;
    }

    /** Decides with {@code ruleSet}, keeps the alert as firing when it is, and records the decision. */
    private EncodedDecision decide(RuleSet ruleSet, InputReader.Read read, String what, Repeat repeat,
                                   Firing firing) {
        // As the rules saw it: production when the organisation counts its environment so (env=prod), in the log too.
        Alert alert = read.alert().judgedBy(ruleSet.catalog().productionEnvironments());
        try {
            long start = System.nanoTime();
            Instant now = clock.instant();
            Evaluation evaluation = evaluate(ruleSet, read, what, repeat.key(), now);
            Decision decision = settled(evaluation.decision(), repeat);
            long took = System.nanoTime() - start;
            if (firing != null) {
                correlation.firing(ruleSet.catalog(), alert, decision, repeat.key(), firing.endsAt(), now);
            }
            return recorded(alert, decision, evaluation.firedRules(), took, repeat, firing);
        } catch (OutOfMemoryError e) {
            health.outOfMemory("deciding an alert", e);
            // The fallback is small enough to build when the rules were not: the alert still reaches someone.
            return encoded(settled(Evaluator.fallback(ruleSet, alert.id(), "the service ran out of memory while deciding"),
                    repeat));
        }
    }

    /**
     * The fallback decision for an alert given by labels that could not be read as an alert, recorded like any
     * other; its id is read from the label that carries ids, as for any alert.
     */
    public EncodedDecision fallback(Map<String, String> labels, String cause) {
        RuleSet ruleSet = active.get();
        String alertId = InputReader.idOf(labels, ruleSet.catalog().inputs(), configuredLabels());
        return recorded(null, Evaluator.fallback(ruleSet, alertId, cause), List.of(), 0, Repeat.NONE, null);
    }

    /** What makes an alert the same when it is sent again; {@link #NONE} when nothing does. */
    private record Repeat(String key, Instant firedAt) {
        static final Repeat NONE = new Repeat(null, null);

        boolean known() {
            return key != null && firedAt != null;
        }
    }

    /**
     * The decision under the id it is known by: the one the same alert always gets when it says what makes it the
     * same, so that a retried or repeated alert is recognised on every replica. Settled before anything quotes it
     * (the alerts still firing, the reasons of the decisions they explain).
     */
    private static Decision settled(Decision decision, Repeat repeat) {
        return repeat.known() ? decision.withDecisionId(DecisionIds.ofAlert(repeat.key(), repeat.firedAt(),
                decision.policyVersion())) : decision;
    }

    /**
     * Writes the decision as JSON once: the answer, the decision-log line and the recent decision embed the same
     * bytes, and the log line is itself what the recent decisions keep. An alert decided before (a resend) is logged,
     * marked, and counted as a resend, not as a decision.
     */
    private EncodedDecision recorded(Alert alert, Decision decision, List<String> firedRules, long tookNanos,
                                     Repeat repeat, Firing firing) {
        boolean repeated = repeat.known() && recent.find(decision.decisionId()).isPresent();
        if (repeated) {
            metrics.resent(tookNanos);
        } else {
            metrics.record(decision, firedRules, tookNanos);
        }
        EncodedDecision encoded = encoded(decision);
        DecisionRecord record = new DecisionRecord(decision.decisionId(), clock.instant(), tookNanos / 1_000,
                decision.policyVersion(), log.mask(alert), log.maskedLabels(alert), encoded, firedRules,
                repeated ? Boolean.TRUE : null, repeat.key(), firing == null ? null : firing.endsAt(),
                alert != null && firing == null ? Boolean.TRUE : null);
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
