package dev.pagerpolicy.decision;

import dev.pagerpolicy.catalog.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.definition.type.ClassReactive;

/**
 * The decision as rules build it: one per evaluation, inserted as a fact. Rules read it in their conditions
 * ({@code DecisionDraft(undecided)}, {@code DecisionDraft(paging)}) and record into it from their consequences.
 * Every method that changes what conditions can see tells the engine itself, so that other rules see the change:
 * there is no {@code update($draft)} to forget (and {@code check} refuses one). {@link #explain} changes nothing
 * a condition sees and tells the engine nothing, so a rule that only explains cannot make itself fire again.
 *
 * <p>Every recording method takes an explanation; together with the name of the rule that called it, that
 * becomes one of the decision's reasons. Routing twice to different targets is not an override but a
 * conflict, which the engine answers with the fallback; rules that deliberately change a routed decision say
 * so with {@link #downgradeTo} or {@link #deferUntil}.
 *
 * <p>Class-reactive on purpose: any update re-evaluates every pattern on the draft, which is what authors of
 * guard conditions such as {@code undecided} expect.
 */
@ClassReactive
public final class DecisionDraft {
    private String currentRule = "";
    private Team target;
    private Action action;
    private Duration ackWithin;
    private Instant notBefore;
    private final List<Team> escalation = new ArrayList<>();
    private final List<FollowUp> followUps = new ArrayList<>();
    private final Set<String> recommendations = new LinkedHashSet<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private String routedBy;
    private Runnable changed = () -> { };

    // ---- what rules record -------------------------------------------------------------------------------

    /** Makes {@code team} the target with {@code action}. A second, different routing is a conflict. */
    public void route(Team team, Action action, String explanation) {
        if (this.target != null) {
            if (!this.target.equals(team) || this.action != action) {
                conflicts.add("rule \"" + currentRule + "\" would " + action.wireName() + " " + team.name()
                        + " but rule \"" + routedBy + "\" already decided to " + this.action.wireName() + " "
                        + this.target.name());
            }
            return;
        }
        this.target = team;
        this.action = action;
        this.routedBy = currentRule;
        explain(explanation);
        changed.run();
    }

    /**
     * Lowers the urgency of a routed decision, e.g. a page becomes a ticket outside production. What a page
     * needed and a lower action does not (acknowledgement time, a wait, escalation) is undone, and the reason
     * says what.
     */
    public void downgradeTo(Action lowerAction, String explanation) {
        this.action = lowerAction;
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
            ackWithin = null;
            notBefore = null;
            escalation.clear();
        }
        explain(undone.isEmpty() ? explanation : explanation + " (undoing: " + String.join(", ", undone) + ")");
        changed.run();
    }

    /**
     * Gives a routed page to another team, e.g. the target's partner on another continent, who is at work while
     * the target is not. The team it was routed to stays in the reason.
     */
    public void handOverTo(Team team, String explanation) {
        if (target == null || team.equals(target)) {
            return;
        }
        Team from = target;
        target = team;
        explain(explanation + " (handed over from " + from.name() + ")");
        changed.run();
    }

    /** How long a page may stay unacknowledged; escalation steps are spaced by it. */
    public void requireAckWithin(Duration duration, String explanation) {
        this.ackWithin = duration;
        explain(explanation);
        changed.run();
    }

    /** Holds a page until {@code instant}, typically the start of the target's business hours. */
    public void deferUntil(Instant instant, String explanation) {
        this.notBefore = instant;
        explain(explanation);
        changed.run();
    }

    /**
     * Adds {@code team} as the next escalation step, paged one more {@code ackWithin} after the previous one.
     * A team already involved (the target or an earlier step) is skipped, so chains can be written plainly.
     */
    public void escalateTo(Team team) {
        if (!involves(team)) {
            escalation.add(team);
            changed.run();
        }
    }

    /** The escalation chain as built so far, e.g. "platform-sre, then payments-dev": for truthful reasons. */
    public String escalationChain() {
        return escalation.isEmpty() ? "nobody" : String.join(", then ", escalation.stream().map(Team::name).toList());
    }

    public void followUp(Team team, Action followUpAction, String explanation) {
        followUps.add(new FollowUp(team.name(), team.role(), followUpAction));
        explain(explanation);
        changed.run();
    }

    public void recommend(String recommendation, String explanation) {
        recommendations.add(recommendation);
        explain(explanation);
        changed.run();
    }

    /** Records a reason without changing anything, for rules whose contribution is a check. */
    public void explain(String explanation) {
        reasons.add(new Reason(currentRule, explanation));
    }

    // ---- what rules test ---------------------------------------------------------------------------------

    public boolean isUndecided() {
        return target == null;
    }

    public boolean isPaging() {
        return action == Action.PAGE;
    }

    public Team getTarget() {
        return target;
    }

    public Action getAction() {
        return action;
    }

    public Duration getAckWithin() {
        return ackWithin;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    /**
     * Whether the rule named {@code rule} has given a reason already: lets a rule that adds to a decided draft (a
     * follow-up) fire once, however often other rules change the draft after it.
     */
    public boolean hasReasonFrom(String rule) {
        return reasons.stream().anyMatch(reason -> reason.rule().equals(rule));
    }

    /** Whether {@code team} is the target or already an escalation step. */
    public boolean involves(Team team) {
        return team.equals(target) || escalation.contains(team);
    }

    // ---- for the engine ----------------------------------------------------------------------------------

    /** Called by the engine with what tells it of a change, once the draft is a fact of its session. */
    public void onChange(Runnable tellTheEngine) {
        this.changed = tellTheEngine;
    }

    /** Called by the engine before each rule fires, so that reasons name the rule that gave them. */
    public void enterRule(String ruleName) {
        this.currentRule = ruleName;
    }

    /** The rule that routed the draft, or null while it is undecided. */
    public String routedBy() {
        return routedBy;
    }

    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    public List<Reason> reasons() {
        return List.copyOf(reasons);
    }

    public List<EscalationStep> escalationSteps() {
        List<EscalationStep> steps = new ArrayList<>();
        Duration interval = ackWithin == null ? Duration.ZERO : ackWithin;
        for (int i = 0; i < escalation.size(); i++) {
            Team team = escalation.get(i);
            steps.add(new EscalationStep(interval.multipliedBy(i + 1L), team.name(), team.role()));
        }
        return steps;
    }

    public List<FollowUp> followUps() {
        return List.copyOf(followUps);
    }

    public List<String> recommendations() {
        return List.copyOf(recommendations);
    }
}
