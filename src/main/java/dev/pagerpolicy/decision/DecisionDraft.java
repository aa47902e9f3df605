package dev.pagerpolicy.decision;

import dev.pagerpolicy.catalog.Team;
import java.time.Duration;
import java.time.Instant;
import org.kie.api.definition.type.ClassReactive;

/**
 * The decision as rules see it: one per evaluation, inserted as a fact. Rules read it in their conditions
 * ({@code DecisionDraft(undecided)}, {@code DecisionDraft(paging)}) and record into it from their consequences;
 * this interface is all a rule can reach, and {@code check} refuses a rule that calls anything else on it.
 *
 * <p>Every recording method writes its own reason: the engine names the rule that called it and the effect with its
 * value ({@code escalate payments-dev}); the author's {@code note} stands beside it and must not be blank. A call
 * that would make the decision say something untrue — a downgrade that raises the urgency, an escalation of a
 * ticket, a hand-over of nothing — is a rule failure: the fallback decides and its reason names the rule.
 *
 * <p>Every method that changes what conditions can see tells the engine itself, so that other rules see the change:
 * there is no {@code update($draft)} to forget (and {@code check} refuses one). Routing twice to different targets
 * is not an override but a conflict, which the engine answers with the fallback; rules that deliberately change a
 * routed decision say so with {@link #downgradeTo}, {@link #handOverTo} or {@link #deferUntil}.
 *
 * <p>Class-reactive on purpose: any change re-evaluates every pattern on the draft, which is what authors of guard
 * conditions such as {@code undecided} expect.
 */
@ClassReactive
public interface DecisionDraft {

    // ---- what rules record -------------------------------------------------------------------------------

    /** Makes {@code team} the target with {@code action}. A second, different routing is a conflict. */
    void route(Team team, Action action, String note);

    /**
     * Lowers the urgency of a routed decision, e.g. a page becomes a ticket outside production: {@code lowerAction}
     * must be lower than the routed action ({@link Action#isLowerThan}). What a page needed and a lower action does
     * not (acknowledgement time, a wait, escalation) is undone, and the reason says what.
     */
    void downgradeTo(Action lowerAction, String note);

    /**
     * Gives a routed page to another team, e.g. the target's partner on another continent, who is at work while the
     * target is not. A later, different routing is a conflict with the calling rule; the team it was routed to stays
     * in the reason.
     * Handing over to the team that already holds the page changes nothing and says nothing.
     */
    void handOverTo(Team team, String note);

    /** How long a routed page may stay unacknowledged; escalation steps are spaced by it. */
    void requireAckWithin(Duration duration, String note);

    /** Holds a routed page until {@code instant}, typically the start of the target's business hours. */
    void deferUntil(Instant instant, String note);

    /**
     * Adds {@code team} as the next escalation step of a routed page, paged one more {@code ackWithin} after the
     * previous one. A team already involved (the target or an earlier step) is skipped without a reason, so chains
     * can be written plainly.
     */
    void escalateTo(Team team, String note);

    /**
     * As {@link #escalateTo(Team, String)}, with a delay of its own: {@code team} is paged {@code after} the previous
     * step (or the page itself), whatever the acknowledgement time, as in PagerDuty's and Opsgenie's escalation
     * policies.
     */
    void escalateTo(Team team, Duration after, String note);

    /**
     * When the last step too stays unacknowledged, the chain starts again from the target, {@code times} more times
     * (1 to 9).
     */
    void repeatEscalation(int times, String note);

    /**
     * Makes a routed page immediate, whatever comes after: it goes out now (a wait already set is undone), and later
     * calls that would lower it ({@link #downgradeTo}) or hold it back ({@link #deferUntil}) change nothing — each says
     * so in a reason of its own, naming this rule. One rule states "patient-safety alerts page now" instead of every
     * maintenance and business-hours rule excluding them.
     */
    void pageNow(String note);

    /** Someone else to tell, beside the target: a ticket for the ML team of a model whose service is down. */
    void followUp(Team team, Action followUpAction, String note);

    /** Something the target should consider doing, e.g. "retrain the model on recent data". */
    void recommend(String recommendation, String note);

    // ---- what rules test ---------------------------------------------------------------------------------

    /** Whether no rule has routed yet. */
    boolean isUndecided();

    /** Whether a rule routed a page (and no rule lowered it since). */
    boolean isPaging();

    Team getTarget();

    Action getAction();

    Duration getAckWithin();

    Instant getNotBefore();

    /**
     * Whether the rule named {@code rule} has given a reason already: lets a rule that adds to a decided draft (a
     * follow-up) fire once, however often other rules change the draft after it.
     */
    boolean hasReasonFrom(String rule);

    /** Whether {@code team} is the target or already an escalation step. */
    boolean involves(Team team);

    /** Whether a rule made the page immediate with {@link #pageNow}. */
    boolean isImmediate();
}
