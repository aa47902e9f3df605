package dev.pagerpolicy.evaluate;

import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.DecisionDraft;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's side of a {@link DecisionDraft}: it enforces what each recording method promises, writes each
 * reason's rule and effect itself, and keeps the plumbing (which rule is firing, whom to tell of a change, the
 * conflicts) out of the rules' reach — the class is not public, so a consequence cannot name it.
 */
final class RecordingDraft implements DecisionDraft {
    /** The most repeats of a chain: past it, a page that nobody acknowledges is an incident of its own. */
    static final int MAX_REPEATS = 9;
    private String currentRule = "";
    private Team target;
    private Action action;
    private Duration ackWithin;
    private Instant notBefore;
    /** The rule that made the page immediate, or null. */
    private String immediateBy;
    private final List<Team> escalation = new ArrayList<>();
    /** Each step's own delay after the one before it, or null: one acknowledgement time. */
    private final List<Duration> stepDelays = new ArrayList<>();
    private int escalationRepeats;
    private final List<FollowUp> followUps = new ArrayList<>();
    private final Set<String> recommendations = new LinkedHashSet<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    /** The rule that routed: the one a conflict search holds back. */
    private String routedBy;
    /** The rule that last chose the target: the router, or a rule that handed the page over since. */
    private String targetChosenBy;
    private Runnable changed = () -> { };

    // ---- what rules record -------------------------------------------------------------------------------

    @Override
    public void route(Team team, Action routedAction, String note) {
        required(team, "route", "a team");
        required(routedAction, "route", "an action");
        requireNote("route", note);
        if (target != null) {
            if (!target.equals(team) || action != routedAction) {
                conflicts.add("rule \"" + currentRule + "\" would " + routedAction.wireName() + " " + team.name()
                        + " but rule \"" + targetChosenBy + "\" already decided to " + action.wireName() + " "
                        + target.name());
            }
            return;
        }
        target = team;
        action = routedAction;
        routedBy = currentRule;
        targetChosenBy = currentRule;
        record(Effect.ROUTE, routedAction.wireName() + " " + team.name(), note);
    }

    @Override
    public void downgradeTo(Action lowerAction, String note) {
        required(lowerAction, "downgradeTo", "an action");
        requireNote("downgradeTo", note);
        requireRouted("downgradeTo");
        if (keptImmediate("downgrade to " + lowerAction.wireName(), note)) {
            return;
        }
        if (!lowerAction.isLowerThan(action)) {
            throw new DraftMisuse("downgradeTo(" + lowerAction.wireName() + ", ...) on a decision to "
                    + action.wireName() + " " + target.name() + ": a downgrade must lower the action (from most to least"
                    + " urgent: page, ticket, automate, notify, ignore)");
        }
        Action was = action;
        action = lowerAction;
        List<String> undone = new ArrayList<>();
        if (lowerAction != Action.PAGE) {
            if (ackWithin != null) {
                undone.add("acknowledgement within " + ackWithin);
            }
            if (notBefore != null) {
                undone.add("the wait until " + notBefore);
            }
            if (!escalation.isEmpty()) {
                undone.add("escalation to " + String.join(", ", escalation.stream().map(Team::name).toList()));
            }
            if (escalationRepeats > 0) {
                undone.add("repeating the escalation " + escalationRepeats + " times");
            }
            ackWithin = null;
            notBefore = null;
            escalation.clear();
            stepDelays.clear();
            escalationRepeats = 0;
        }
        record(Effect.DOWNGRADE, lowerAction.wireName() + " (was " + was.wireName() + ")",
                undone.isEmpty() ? note : note + " (undoing: " + String.join(", ", undone) + ")");
    }

    @Override
    public void handOverTo(Team team, String note) {
        required(team, "handOverTo", "a team");
        requireNote("handOverTo", note);
        requirePage("handOverTo");
        if (team.equals(target)) {
            return;
        }
        Team from = target;
        target = team;
        targetChosenBy = currentRule;
        int step = escalation.indexOf(team);
        if (step >= 0) { // the new target is no longer a later step of its own page
            escalation.remove(step);
            stepDelays.remove(step);
        }
        record(Effect.HAND_OVER, team.name() + " (was " + from.name() + ")", note);
    }

    @Override
    public void requireAckWithin(Duration duration, String note) {
        required(duration, "requireAckWithin", "a duration");
        requireNote("requireAckWithin", note);
        requirePage("requireAckWithin");
        if (duration.isNegative() || duration.isZero()) {
            throw new DraftMisuse("requireAckWithin(" + duration + ", ...): an acknowledgement time must be positive");
        }
        ackWithin = duration;
        // One acknowledgement time, one reason: the one replaced no longer says what the decision holds.
        reasons.removeIf(reason -> reason.effect() == Effect.ACK_WITHIN);
        record(Effect.ACK_WITHIN, duration.toString(), note);
    }

    @Override
    public void deferUntil(Instant instant, String note) {
        required(instant, "deferUntil", "an instant");
        requireNote("deferUntil", note);
        requirePage("deferUntil");
        if (keptImmediate("defer until " + instant, note)) {
            return;
        }
        notBefore = instant;
        record(Effect.DEFER, instant.toString(), note);
    }

    @Override
    public void escalateTo(Team team, String note) {
        escalate(team, null, note);
    }

    @Override
    public void escalateTo(Team team, Duration after, String note) {
        required(after, "escalateTo", "a delay");
        if (after.isNegative() || after.isZero()) {
            throw new DraftMisuse("escalateTo(" + team.name() + ", " + after + ", ...): a step's delay must be positive");
        }
        escalate(team, after, note);
    }

    private void escalate(Team team, Duration delay, String note) {
        required(team, "escalateTo", "a team");
        requireNote("escalateTo", note);
        requirePage("escalateTo");
        if (!involves(team)) {
            escalation.add(team);
            stepDelays.add(delay);
            record(Effect.ESCALATE, team.name() + (delay == null ? "" : " after " + delay), note);
        }
    }

    @Override
    public void repeatEscalation(int times, String note) {
        requireNote("repeatEscalation", note);
        requirePage("repeatEscalation");
        if (times < 1 || times > MAX_REPEATS) {
            throw new DraftMisuse("repeatEscalation(" + times + ", ...): the chain repeats 1 to " + MAX_REPEATS + " times");
        }
        escalationRepeats = times;
        record(Effect.REPEAT_ESCALATION, times + " times", note);
    }

    @Override
    public void pageNow(String note) {
        requireNote("pageNow", note);
        requirePage("pageNow");
        if (immediateBy != null) {
            return;
        }
        immediateBy = currentRule;
        String undone = notBefore == null ? "" : " (undoing: the wait until " + notBefore + ")";
        notBefore = null;
        record(Effect.PAGE_NOW, action.wireName() + " " + target.name(), note + undone);
    }

    /**
     * Whether the page is immediate, so that {@code change} is not made; the reason says whose word kept it, and with
     * the changing rule's own note, what it would have done. Recorded once per rule and change, and the engine is not
     * told: nothing it can see changed.
     */
    private boolean keptImmediate(String change, String note) {
        if (immediateBy == null) {
            return false;
        }
        boolean said = reasons.stream().anyMatch(r -> r.effect() == Effect.KEPT_IMMEDIATE && r.rule().equals(currentRule)
                && r.value().equals(change));
        if (!said) {
            reasons.add(new Reason(currentRule, Effect.KEPT_IMMEDIATE, change, "not done, rule \"" + immediateBy
                    + "\" made the page immediate; the rule's note: " + note));
        }
        return true;
    }

    @Override
    public void followUp(Team team, Action followUpAction, String note) {
        required(team, "followUp", "a team");
        required(followUpAction, "followUp", "an action");
        requireNote("followUp", note);
        followUps.add(new FollowUp(team.name(), team.role(), followUpAction));
        record(Effect.FOLLOW_UP, followUpAction.wireName() + " " + team.name(), note);
    }

    @Override
    public void recommend(String recommendation, String note) {
        if (recommendation == null || recommendation.isBlank()) {
            throw new DraftMisuse("recommend(...) with a blank recommendation");
        }
        requireNote("recommend", note);
        recommendations.add(recommendation);
        record(Effect.RECOMMEND, recommendation, note);
    }

    private void record(Effect effect, String value, String note) {
        reasons.add(new Reason(currentRule, effect, value, note));
        changed.run();
    }

    private static void required(Object argument, String method, String what) {
        if (argument == null) {
            throw new DraftMisuse(method + "(...) without " + what + " (null)");
        }
    }

    private static void requireNote(String method, String note) {
        if (note == null || note.isBlank()) {
            throw new DraftMisuse(method + "(...) with a blank note: every change needs a note that says why");
        }
    }

    private void requireRouted(String method) {
        if (target == null) {
            throw new DraftMisuse(method + "(...) before any rule routed the alert: it needs a routed decision");
        }
    }

    private void requirePage(String method) {
        requireRouted(method);
        if (action != Action.PAGE) {
            throw new DraftMisuse(method + "(...) on a decision to " + action.wireName() + " " + target.name()
                    + ": it needs a routed page");
        }
    }

    // ---- what rules test ---------------------------------------------------------------------------------

    @Override
    public boolean isUndecided() {
        return target == null;
    }

    @Override
    public boolean isPaging() {
        return target != null && action == Action.PAGE;
    }

    @Override
    public Team getTarget() {
        return target;
    }

    @Override
    public Action getAction() {
        return action;
    }

    @Override
    public Duration getAckWithin() {
        return ackWithin;
    }

    @Override
    public Instant getNotBefore() {
        return notBefore;
    }

    @Override
    public boolean hasReasonFrom(String rule) {
        return reasons.stream().anyMatch(reason -> reason.rule().equals(rule));
    }

    @Override
    public boolean involves(Team team) {
        return team.equals(target) || escalation.contains(team);
    }

    @Override
    public boolean isImmediate() {
        return immediateBy != null;
    }

    // ---- for the engine ----------------------------------------------------------------------------------

    /** Called with what tells the engine of a change, once the draft is a fact of its session. */
    void onChange(Runnable tellTheEngine) {
        this.changed = tellTheEngine;
    }

    /** Called before each rule fires, so that reasons name the rule that gave them. */
    void enterRule(String ruleName) {
        this.currentRule = ruleName;
    }

    /** The rule that routed the draft, or null while it is undecided; a hand-over does not change it. */
    String routedBy() {
        return routedBy;
    }

    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    List<Reason> reasons() {
        return List.copyOf(reasons);
    }

    /** The steps, each {@code after} the page: its own delay after the step before, or one acknowledgement time. */
    List<EscalationStep> escalationSteps() {
        List<EscalationStep> steps = new ArrayList<>();
        Duration interval = ackWithin == null ? Duration.ZERO : ackWithin;
        Duration after = Duration.ZERO;
        for (int i = 0; i < escalation.size(); i++) {
            Team team = escalation.get(i);
            after = after.plus(stepDelays.get(i) == null ? interval : stepDelays.get(i));
            steps.add(new EscalationStep(after, team.name(), team.role()));
        }
        return steps;
    }

    /** How many more times the chain runs; null for none, as the decision writes it. */
    Integer escalationRepeats() {
        return escalationRepeats == 0 ? null : escalationRepeats;
    }

    List<FollowUp> followUps() {
        return List.copyOf(followUps);
    }

    List<String> recommendations() {
        return List.copyOf(recommendations);
    }
}
