package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision's reasons cannot lie: each change writes its own reason, with the rule named by the engine, and a call
 * that would make the decision untrue is refused — by {@code check} when it is in the text, by the fallback (naming
 * the rule) when it happens.
 */
class TruthfulDraftTest {
    private static final Instant NIGHT = Instant.parse("2026-11-25T03:00:00Z");
    private static final String HEADER = """
            package rules

            import dev.pagerpolicy.alert.Alert
            import dev.pagerpolicy.catalog.Catalog
            import dev.pagerpolicy.decision.Action
            import dev.pagerpolicy.decision.DecisionDraft

            """;

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
        file = dir.resolve("rules/lies.drl");
    }

    private Decision decide(String rule, String environment) {
        Packs.write(file, HEADER + rule);
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
        return Evaluator.withDefaults().decide(ruleSet, new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL,
                "checkout-api", null, environment, NIGHT, null, null));
    }

    private String refused(String rule) {
        Packs.write(file, HEADER + rule);
        InvalidSourceException refused = catchThrowableOfType(InvalidSourceException.class,
                () -> Packs.loader().load(dir.resolve("rules"), dir.resolve("policies")));
        assertThat(refused).as("check refuses the pack").isNotNull();
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().get(0).toString();
    }

    private static String fallbackReason(Decision decision) {
        assertThat(decision.fallback()).as("the fallback decides").isTrue();
        return decision.reasons().get(0).explanation();
    }

    @Test
    void aRuleCannotNameAnotherRuleAsTheAuthorOfItsReasons() {
        assertThat(refused("""
                rule "Pages are signed by someone else"
                when
                    $draft : DecisionDraft( paging )
                then
                    $draft.enterRule("Service-health alerts page the service's on-call team");
                end
                """)).isEqualTo(file + ":12: rule \"Pages are signed by someone else\": a rule cannot call"
                + " enterRule(String) on the DecisionDraft; rules record with deferUntil, downgradeTo, escalateTo,"
                + " followUp, handOverTo, pageNow, recommend, repeatEscalation, requireAckWithin, route, and read ackWithin, action,"
                + " hasReasonFrom(...), immediate, involves(...), notBefore, paging, target, undecided");
    }

    @Test
    void aReasonThatStandsForNoChangeIsRefusedWithWhereItsWordsBelong() {
        assertThat(refused("""
                rule "Pages are said to escalate to nobody"
                when
                    $draft : DecisionDraft( paging )
                then
                    $draft.explain("unacknowledged pages escalate to nobody");
                end
                """)).startsWith(file + ":12: rule \"Pages are said to escalate to nobody\": a rule cannot call"
                + " explain(String) on the DecisionDraft; a reason must stand for a change: put its words in the note"
                + " of the call that makes the change; rules record with");
    }

    @Test
    void anEscalationStepWithoutANoteIsRefused() {
        assertThat(refused("""
                rule "Pages escalate silently"
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( paging )
                then
                    $draft.escalateTo($catalog.team("analytics-dev"));
                end
                """)).isEqualTo(file + ":13: rule \"Pages escalate silently\": DecisionDraft.escalateTo(Team, String)"
                + " cannot take (Team); pass arguments of these types");
    }

    @Test
    void aTargetWithABlankNoteIsTheFallbackNamingTheRule() {
        Decision decision = decide("""
                rule "Outages are routed without a word"
                salience 10
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("platform-sre"), Action.PAGE, " ");
                end
                """, null);
        assertThat(fallbackReason(decision)).isEqualTo("a rule failed: rule \"Outages are routed without a word\""
                + " called route(...) with a blank note: every change needs a note that says why; the fallback team"
                + " platform-sre is paged");
    }

    @Test
    void aDowngradeThatRaisesTheUrgencyIsTheFallbackNamingTheRule() {
        // Outside production the shipped guardrail makes the page a ticket; this rule would make it a page again.
        Decision decision = decide("""
                rule "Tickets are downgraded to pages"
                when
                    $draft : DecisionDraft( action == Action.TICKET )
                then
                    $draft.downgradeTo(Action.PAGE, "a ticket is not enough");
                end
                """, "staging");
        assertThat(fallbackReason(decision)).startsWith("a rule failed: rule \"Tickets are downgraded to pages\" called"
                + " downgradeTo(page, ...) on a decision to ticket platform-sre: a downgrade must lower the action (from"
                + " most to least urgent: page, ticket, automate, notify, ignore)");
    }

    @Test
    void anUndecidedDraftCannotBeMadeToPage() {
        Decision decision = decide("""
                rule "Undecided alerts are made to page"
                salience 10
                when
                    $draft : DecisionDraft( undecided )
                then
                    $draft.downgradeTo(Action.PAGE, "whatever it is, it pages");
                end
                """, null);
        assertThat(fallbackReason(decision)).startsWith("a rule failed: rule \"Undecided alerts are made to page\""
                + " called downgradeTo(...) before any rule routed the alert: it needs a routed decision");
    }

    @Test
    void aTicketCannotEscalate() {
        Decision decision = decide("""
                rule "Tickets escalate"
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( action == Action.TICKET )
                then
                    $draft.escalateTo($catalog.team("analytics-dev"), "tickets escalate too");
                end
                """, "staging");
        assertThat(fallbackReason(decision)).startsWith("a rule failed: rule \"Tickets escalate\" called"
                + " escalateTo(...) on a decision to ticket platform-sre: it needs a routed page");
    }

    @Test
    void aHandOverOfATicketIsRefusedAndAHandOverIsWhatALaterRoutingConflictsWith() {
        Decision ticket = decide("""
                rule "Tickets are handed over"
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( action == Action.TICKET )
                then
                    $draft.handOverTo($catalog.team("analytics-dev"), "analytics looks at tickets");
                end
                """, "staging");
        assertThat(fallbackReason(ticket)).startsWith("a rule failed: rule \"Tickets are handed over\" called"
                + " handOverTo(...) on a decision to ticket platform-sre: it needs a routed page");

        Decision conflict = decide("""
                rule "Pages are handed over"
                salience -1
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( paging, target.name == "platform-sre" )
                then
                    $draft.handOverTo($catalog.team("analytics-dev"), "analytics holds the night");
                end

                rule "Pages handed over are routed again"
                salience -2
                when
                    $catalog : Catalog()
                    $draft : DecisionDraft( paging, target.name == "analytics-dev" )
                then
                    $draft.route($catalog.team("payments-dev"), Action.PAGE, "payments holds it");
                end
                """, null);
        assertThat(fallbackReason(conflict)).startsWith("conflicting decisions: rule \"Pages handed over are routed"
                + " again\" would page payments-dev but rule \"Pages are handed over\" already decided to page"
                + " analytics-dev");
    }

    @Test
    void everyChangeHasAReasonWhoseEffectIsTheChange() {
        Decision decision = decide("""
                rule "Nothing added"
                salience -100
                when
                    $draft : DecisionDraft( paging, ackWithin == null )
                then
                    $draft.recommend("never", "never fires: the tier sets the acknowledgement time first");
                end
                """, null);
        assertThat(decision.fallback()).isFalse();
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.ROUTE).singleElement()
                .extracting(Reason::value).isEqualTo("page platform-sre");
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.ACK_WITHIN).singleElement()
                .extracting(Reason::value).isEqualTo(decision.ackWithin().toString());
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.ESCALATE).extracting(Reason::value)
                .as("one reason per escalation step, naming its team, in order")
                .containsExactlyElementsOf(decision.escalation().stream().map(EscalationStep::team).toList());
        assertThat(decision.reasons()).contains(new Reason("Pages escalate to the on-call team, then the dev team",
                Effect.ESCALATE, "payments-dev", "a page still unacknowledged escalates to checkout-api's dev team"));
        assertThat(decision.reasons()).allSatisfy(r -> assertThat(r.explanation()).isNotBlank());
    }

    /** The reasons say what the decision holds: a second acknowledgement time replaces the first one's reason. */
    @Test
    void aSecondAcknowledgementTimeReplacesTheFirstOnesReason() {
        Decision decision = decide("""
                rule "Pages of this tier are answered in two minutes"
                salience -100
                when
                    $draft : DecisionDraft( paging, ackWithin != null, ackWithin != java.time.Duration.ofMinutes(2) )
                then
                    $draft.requireAckWithin(java.time.Duration.ofMinutes(2), "answered in two minutes here");
                end
                """, null);
        assertThat(decision.fallback()).isFalse();
        assertThat(decision.ackWithin()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.ACK_WITHIN).singleElement()
                .isEqualTo(new Reason("Pages of this tier are answered in two minutes", Effect.ACK_WITHIN, "PT2M",
                        "answered in two minutes here"));
    }

    @Test
    void theActionsAreOrderedByUrgency() {
        assertThat(Action.TICKET.isLowerThan(Action.PAGE)).isTrue();
        assertThat(Action.AUTOMATE.isLowerThan(Action.TICKET)).isTrue();
        assertThat(Action.NOTIFY.isLowerThan(Action.AUTOMATE)).isTrue();
        assertThat(Action.IGNORE.isLowerThan(Action.NOTIFY)).isTrue();
        assertThat(Action.PAGE.isLowerThan(Action.PAGE)).isFalse();
    }
}
