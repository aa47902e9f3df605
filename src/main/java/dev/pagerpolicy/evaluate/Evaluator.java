package dev.pagerpolicy.evaluate;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.DecisionIds;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.decision.Target;
import dev.pagerpolicy.evaluate.Evaluation.Fallback;
import dev.pagerpolicy.ruleset.RuleSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Decides one alert against one rule set. Inserts the facts that concern the alert (the alert, its service
 * and tier, its model, a maintenance window open when it fired), the catalog for look-ups by name, and a draft for the rules to record into; whatever goes wrong,
 * the answer is a decision: when the rules cannot give one, the catalog's fallback team handles the alert and
 * the reason says why.
 */
public final class Evaluator {
    public static final String FALLBACK_RULE = "fallback";
    /** How many routing rules of one salience a conflict search looks past when they all agree. */
    private static final int MAX_CONFLICT_PROBES = 8;
    /** Defaults of the service's configuration, used as they are by the {@code test} command. */
    public static final int DEFAULT_MAX_RULE_FIRINGS = 1000;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMillis(500);
    /**
     * The gate's wall-clock guard: far above any serving limit, so that a busy machine (a shared node, a throttled
     * pod) cannot turn a correct rule set into a failed scenario. The gate is bounded by rule firings.
     */
    public static final Duration GATE_GUARD = Duration.ofSeconds(60);

    private final int maxRuleFirings;
    private final Duration timeLimit;
    private final boolean searchConflictsPerDecision;
    private final Watchdog watchdog;

    /**
     * @param maxRuleFirings bound on rule firings per decision; beyond it the rules are taken to loop
     * @param timeLimit      bound on the time one decision may take in the rules
     */
    public Evaluator(int maxRuleFirings, Duration timeLimit) {
        this(maxRuleFirings, timeLimit, true);
    }

    /**
     * @param searchConflictsPerDecision whether every routed decision is also searched for a routing conflict
     *                                   (see {@link #routingConflict}), which makes it the fallback; it costs
     *                                   about 60 % more per decision (7.7 against 12.3 µs for the shipped pack)
     */
    public Evaluator(int maxRuleFirings, Duration timeLimit, boolean searchConflictsPerDecision) {
        this.maxRuleFirings = maxRuleFirings;
        this.timeLimit = timeLimit;
        this.searchConflictsPerDecision = searchConflictsPerDecision;
        this.watchdog = Watchdog.shared();
    }

    /**
     * Evaluations still running a whole time limit after they were told to stop: rules spinning in plain Java,
     * each holding the thread that runs it.
     */
    public int stuckEvaluations() {
        return watchdog.stuck(timeLimit.toNanos());
    }

    /**
     * The evaluator of the gate (scenarios and invariants, at start-up, on reload, in {@code test}): the same firing
     * limit and conflict search, with the wall-clock limit replaced by {@link #GATE_GUARD}, so that its verdict does not
     * depend on how fast the machine is.
     */
    public Evaluator forGate() {
        return forGate(GATE_GUARD);
    }

    /** The gate's evaluator with another wall-clock guard: a time-out under it makes a verdict inconclusive. */
    public Evaluator forGate(Duration guard) {
        return timeLimit.equals(guard) ? this : new Evaluator(maxRuleFirings, guard, searchConflictsPerDecision);
    }

    public int maxRuleFirings() {
        return maxRuleFirings;
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /** Whether every decision is searched for a routing conflict, so that a caller need not search again. */
    public boolean searchesConflictsPerDecision() {
        return searchConflictsPerDecision;
    }

    /** Its limits, as text: part of what a gate verdict depends on. */
    public String limits() {
        return "maxRuleFirings=" + maxRuleFirings + ", timeLimit=" + timeLimit + ", conflictSearch="
                + searchConflictsPerDecision;
    }

    public static Evaluator withDefaults() {
        return new Evaluator(DEFAULT_MAX_RULE_FIRINGS, DEFAULT_TIME_LIMIT);
    }

    public Decision decide(RuleSet ruleSet, Alert alert) {
        return evaluate(ruleSet, alert).decision();
    }

    public Evaluation evaluate(RuleSet ruleSet, Alert received) {
        return evaluate(ruleSet, received, null);
    }

    /**
     * @param unreadCause what of the alert could not be read (its kind, severity or service), or null: the rules
     *                    may still decide it by its labels; when they do not, the fallback's reason is this cause,
     *                    which names what to change
     */
    public Evaluation evaluate(RuleSet ruleSet, Alert received, String unreadCause) {
        return evaluate(ruleSet, received, unreadCause, List.of());
    }

    /**
     * @param firing alerts decided before and still firing, of the alert's service and the services it depends on:
     *               facts for the rules, so that an outage explains the alerts it causes
     */
    public Evaluation evaluate(RuleSet ruleSet, Alert received, String unreadCause, List<FiringAlert> firing) {
        List<String> fired = new ArrayList<>();
        Alert alert = received.judgedBy(ruleSet.catalog().productionEnvironments());
        Outcome outcome = decide(ruleSet, alert, fired, unreadCause, firing);
        Decision decision = outcome.cause() == Fallback.NONE ? outcome.decision()
                : fallback(ruleSet, alert, outcome.fallbackReason());
        return new Evaluation(decision, fired, outcome.cause());
    }

    /**
     * The fallback's decision for an alert whose rules were not run, counted as timed out: for an exploration that
     * stops waiting on rules that ran past its guard again and again (each run may block a thread for the guard's
     * whole length).
     */
    public Evaluation notRun(RuleSet ruleSet, Alert received, String why) {
        Alert alert = received.judgedBy(ruleSet.catalog().productionEnvironments());
        return new Evaluation(fallback(ruleSet, alert, why), List.of(), Fallback.TIMED_OUT);
    }

    /** The rules' decision, or why there is none: the fallback is built by the caller, from the reason. */
    private record Outcome(Decision decision, Fallback cause, String fallbackReason) {
        static Outcome fallback(Fallback cause, String reason) {
            return new Outcome(null, cause, reason);
        }
    }

    private Outcome decide(RuleSet ruleSet, Alert alert, List<String> firedRules, String unreadCause,
                           List<FiringAlert> firing) {
        Catalog catalog = ruleSet.catalog();
        Optional<Service> service = catalog.findService(alert.service());
        Optional<Model> model = catalog.findModel(alert.model());
        if (alert.model() != null && model.isEmpty()) {
            return Outcome.fallback(Fallback.UNKNOWN_INPUT, "model \"" + alert.model() + "\" is not in the catalog");
        }
        Object[] facts = facts(catalog, alert, service, model, firing);
        RecordingDraft draft = new RecordingDraft();
        // One budget for the whole decision: the rules' run and every conflict probe after it.
        Watchdog.Budget deadline = new Watchdog.Budget(timeLimit.toNanos());
        Run run = fire(ruleSet, draft, firedRules, null, deadline, facts);
        if (run.timedOut()) {
            return timedOut(firedRules, "");
        }
        if (run.failure() != null) {
            return Outcome.fallback(Fallback.FAILED, "a rule failed: " + rootMessage(run.failure(), firedRules));
        }
        if (run.fired() >= maxRuleFirings) {
            return Outcome.fallback(Fallback.LOOPED, "the rules fired " + run.fired() + " times without settling"
                    + " (a rule keeps re-activating itself)");
        }
        if (!draft.conflicts().isEmpty()) {
            return Outcome.fallback(Fallback.CONFLICT, "conflicting decisions: " + String.join("; ", draft.conflicts()));
        }
        if (draft.isUndecided()) {
            return undecided(alert, service, unreadCause);
        }
        if (searchConflictsPerDecision) {
            ConflictSearch search = conflictWith(draft, ruleSet, deadline, facts);
            if (search.timedOut()) {
                // Unknown whether another rule would route differently: the decision cannot be vouched for.
                return timedOut(firedRules, ", searching for a routing conflict");
            }
            Optional<Conflict> conflict = search.conflict();
            if (conflict.isPresent()) {
                // The other rule matched and would have routed: it is among the rules this evaluation fired.
                firedRules.add(conflict.get().otherRule());
                return Outcome.fallback(Fallback.CONFLICT, "conflicting decisions: " + conflict.get().explanation());
            }
        }
        return new Outcome(new Decision(newDecisionId(), alert.id(), Target.of(draft.getTarget()), draft.getAction(),
                draft.getAckWithin(), draft.getNotBefore(), draft.escalationSteps(), draft.followUps(),
                draft.recommendations(), draft.reasons(), ruleSet.version(), false, draft.escalationRepeats()),
                Fallback.NONE, null);
    }

    private Outcome timedOut(List<String> firedRules, String during) {
        String last = firedRules.isEmpty() ? "" : " (last rule to fire: \"" + firedRules.get(firedRules.size() - 1)
                + "\"" + during + ")";
        return Outcome.fallback(Fallback.TIMED_OUT, "the rules took longer than the limit of " + timeLimit.toMillis()
                + " ms" + last);
    }

    /**
     * Why no rule decided, for the author: what of the alert could not be read, or a service the catalog lacks
     * (rules that join the alert's service cannot match it), or else the alert as the rules saw it.
     */
    private static Outcome undecided(Alert alert, Optional<Service> service, String unreadCause) {
        if (unreadCause != null) {
            return Outcome.fallback(Fallback.UNKNOWN_INPUT, unreadCause);
        }
        if (service.isEmpty()) {
            return Outcome.fallback(Fallback.UNKNOWN_INPUT, alert.service() == null ? "the alert names no service"
                    : "service \"" + alert.service() + "\" is not in the catalog");
        }
        return Outcome.fallback(Fallback.UNDECIDED, "no rule decided who handles a " + alert.kind().wireName()
                + " alert of " + (alert.severity() == null ? "unknown" : alert.severity().wireName())
                + " severity for service \"" + alert.service() + "\"");
    }

    /** How a run of the rules ended: rules fired, an exception or error from a consequence, or the time limit. */
    private record Run(int fired, Throwable failure, boolean timedOut) {
    }

    /**
     * Two routing rules at the same salience that both match an alert and route it differently, found by
     * deciding again without the rule that routed: the rules guard on an undecided draft, so the second rule
     * never fires once the first has routed, and only a second run shows what it would have done. Rules that
     * agree are no conflict. Every decision searches this way unless turned off; the verification gate
     * (scenarios at start-up, on reload and in {@code test}) searches every scenario regardless.
     *
     * @return the conflict, worded for the author, if there is one
     */
    public Optional<String> routingConflict(RuleSet ruleSet, Alert received) {
        Catalog catalog = ruleSet.catalog();
        Alert alert = received.judgedBy(catalog.productionEnvironments());
        Optional<Service> service = catalog.findService(alert.service());
        Optional<Model> model = catalog.findModel(alert.model());
        if (alert.model() != null && model.isEmpty()) {
            return Optional.empty();
        }
        Object[] facts = facts(catalog, alert, service, model, List.of());
        RecordingDraft first = new RecordingDraft();
        Watchdog.Budget deadline = new Watchdog.Budget(timeLimit.toNanos());
        Run run = fire(ruleSet, first, new ArrayList<>(), null, deadline, facts);
        return run.failure() != null || run.timedOut() || first.routedBy() == null ? Optional.empty()
                : conflictWith(first, ruleSet, deadline, facts).conflict().map(Conflict::explanation);
    }

    /** A routing conflict: the rule that would have routed otherwise, and what the author is told. */
    private record Conflict(String otherRule, String explanation) {
    }

    /** What a conflict search found, or that the decision's deadline passed before it could tell. */
    private record ConflictSearch(Optional<Conflict> conflict, boolean timedOut) {
        static final ConflictSearch NONE = new ConflictSearch(Optional.empty(), false);
        static final ConflictSearch TIMED_OUT = new ConflictSearch(Optional.empty(), true);
    }

    /** Decides again without each routing rule in turn, while the next one to route has the first's salience. */
    private ConflictSearch conflictWith(RecordingDraft first, RuleSet ruleSet, Watchdog.Budget deadline,
                                        Object[] facts) {
        int salience = ruleSet.salience(first.routedBy());
        Set<String> heldBack = new HashSet<>(Set.of(first.routedBy()));
        for (int probe = 0; probe < MAX_CONFLICT_PROBES; probe++) {
            RecordingDraft other = new RecordingDraft();
            Run run = fire(ruleSet, other, new ArrayList<>(), match -> !heldBack.contains(match.getRule().getName()),
                    deadline, facts);
            if (run.timedOut()) {
                return ConflictSearch.TIMED_OUT;
            }
            if (run.failure() != null || other.routedBy() == null || ruleSet.salience(other.routedBy()) != salience) {
                return ConflictSearch.NONE; // no other router, or one that ranks lower: salience settled it
            }
            if (!other.getTarget().equals(first.getTarget()) || other.getAction() != first.getAction()) {
                return new ConflictSearch(Optional.of(new Conflict(other.routedBy(), "rules \"" + first.routedBy() + "\" and \""
                        + other.routedBy() + "\" both route this"
                        + " alert at salience " + salience + ": the first decided to " + first.getAction().wireName()
                        + " " + first.getTarget().name() + ", the second would " + other.getAction().wireName() + " "
                        + other.getTarget().name() + "; give the one that should win a higher salience, or narrow the"
                        + " conditions of either")), false);
            }
            heldBack.add(other.routedBy());
        }
        return ConflictSearch.NONE;
    }

    /**
     * The facts of one alert: the alert, its service and tier, its model, the catalog, an open maintenance
     * window, and the alerts still firing that concern it. An alert of a service the catalog lacks has no service, tier or service window: only rules that
     * match its labels can decide it.
     */
    private static Object[] facts(Catalog catalog, Alert alert, Optional<Service> service, Optional<Model> model,
                                  List<FiringAlert> firing) {
        // In this order, as always: the order of insertion orders the activations of rules of one salience.
        Object[] facts = new Object[6 + firing.size()];
        facts[0] = alert;
        facts[1] = service.orElse(null);
        facts[2] = service.map(Service::tier).orElse(null);
        facts[3] = model.orElse(null);
        facts[4] = catalog;
        facts[5] = catalog.maintenanceAt(service.map(Service::name).orElse(null), alert.model(), alert.firedAt())
                .orElse(null);
        for (int i = 0; i < firing.size(); i++) {
            facts[6 + i] = firing.get(i);
        }
        return facts;
    }

    /**
     * Fires the rules over the facts in a pooled session, under the firing cap and the watchdog.
     *
     * @param filter   which matches may fire; null: all
     * @param deadline the time the whole decision may take, shared by each run of it
     */
    private Run fire(RuleSet ruleSet, RecordingDraft draft, List<String> firedRules, AgendaFilter filter,
                     Watchdog.Budget deadline, Object... facts) {
        KieSession session = ruleSet.sessions().newKieSession();
        Watchdog.Guard guard = watchdog.watch(session, deadline);
        AgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                firedRules.add(rule);
                draft.enterRule(rule);
                guard.pastDeadline();
            }
        };
        int fired = 0;
        Throwable failure = null;
        boolean timedOut;
        try {
            session.addEventListener(listener);
            for (Object fact : facts) {
                if (fact != null) {
                    session.insert(fact);
                }
            }
            FactHandle handle = session.insert(draft);
            draft.onChange(() -> session.update(handle, draft));
            fired = filter == null ? session.fireAllRules(maxRuleFirings) : session.fireAllRules(filter, maxRuleFirings);
        } catch (OutOfMemoryError e) {
            // Not the rule's fault alone: the process is short of memory, which its caller must know.
            throw e;
        } catch (RuntimeException | Error e) {
            // An Error too (a stack overflow in a recursive DRL function, a class that cannot link): the thread
            // has unwound to here, so it can go on deciding, and this alert still gets an answer.
            failure = e;
        } finally {
            timedOut = guard.finish();
            // A pooled session is reset by dispose(), but listeners would stay: remove ours first.
            session.removeEventListener(listener);
            session.dispose();
        }
        return new Run(fired, failure, timedOut);
    }

    /**
     * The fallback for an alert the rules could not decide: the fallback team, paged when the organisation's
     * policies say such an alert is worth a page (by default a production alert of critical or high severity),
     * otherwise a ticket; a production alert whose severity could not be read is paged. Either way the alert
     * reaches someone, and the reason says why.
     */
    private static Decision fallback(RuleSet ruleSet, Alert alert, String cause) {
        return fallback(ruleSet, alert.id(), alert.severity(), alert.isProduction(), alert.environment(), cause);
    }

    private static Decision fallback(RuleSet ruleSet, String alertId, Severity severity, boolean production,
                                     String environment, String cause) {
        Catalog catalog = ruleSet.catalog();
        if (production && (severity == null || catalog.fallbackPagesFor().contains(severity))) {
            return fallback(ruleSet, alertId, cause);
        }
        String why = production ? "a production alert of " + severity.wireName() + " severity"
                : "an alert from " + environment + ", not production,";
        return fallbackDecision(ruleSet, alertId, Action.TICKET, null, cause + "; the fallback team "
                + catalog.fallbackTeam().name() + " gets a ticket (" + why + " pages nobody)");
    }

    /**
     * The fallback decision for an input that could not even be read as an alert (e.g. an Alertmanager alert
     * without a kind label): its severity and environment are unknown, so the fallback team is paged.
     */
    public static Decision fallback(RuleSet ruleSet, String alertId, String cause) {
        Catalog catalog = ruleSet.catalog();
        return fallbackDecision(ruleSet, alertId, Action.PAGE, catalog.fallbackAckWithin(), cause
                + "; the fallback team " + catalog.fallbackTeam().name() + " is paged");
    }

    private static Decision fallbackDecision(RuleSet ruleSet, String alertId, Action action, Duration ackWithin,
                                             String reason) {
        return new Decision(newDecisionId(), alertId, Target.of(ruleSet.catalog().fallbackTeam()), action, ackWithin,
                null, List.of(), List.of(), List.of(), List.of(new Reason(FALLBACK_RULE, Effect.ROUTE,
                action.wireName() + " " + ruleSet.catalog().fallbackTeam().name(), reason)), ruleSet.version(),
                true, null);
    }

    private static String rootMessage(Throwable e, List<String> firedRules) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String ruleName = e instanceof ConsequenceException ce && ce.getMatch() != null
                ? "rule \"" + ce.getMatch().getRule().getName() + (cause instanceof DraftMisuse ? "\" " : "\" threw ")
                // Drools wraps exceptions in a ConsequenceException, not errors: those come from the rule firing.
                : e instanceof Error && !firedRules.isEmpty() ? "rule \"" + firedRules.get(firedRules.size() - 1) + "\" threw "
                : "";
        if (cause instanceof DraftMisuse) {
            // Not a crash but a refusal: the message says which call, and why it would have made the decision lie.
            return ruleName + "called " + cause.getMessage();
        }
        return ruleName + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String newDecisionId() {
        return DecisionIds.next();
    }
}
