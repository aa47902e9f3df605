package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.BusinessHours;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draft tells the engine of its changes itself: no update() to forget, none to loop on; a downgrade says what it undid. */
class DraftChangesTest {
    private static final Instant NIGHT = Instant.parse("2026-11-25T03:00:00Z");

    @TempDir
    Path dir;
    Path rules;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
        rules = dir.resolve("rules");
    }

    private Decision decide(AlertKind kind, Severity severity, String service, String environment) {
        RuleSet ruleSet = Packs.load(rules, dir.resolve("policies"));
        return Evaluator.withDefaults().decide(ruleSet, new Alert("a", kind, severity, service, null, environment,
                NIGHT, null, null));
    }

    @Test
    void aChangeWithoutUpdateIsSeenByTheOtherRules() {
        // The shipped rules call no update(): the tier's rules still see the routed page.
        Decision decision = decide(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null);
        assertThat(decision.ackWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(decision.escalation()).isNotEmpty();
    }

    @Test
    void anExplicitUpdateOfTheDraftIsAnErrorSayingWhy() {
        Packs.write(rules.resolve("explains.drl"), """
                package rules

                import dev.pagerpolicy.decision.DecisionDraft

                rule "Pages are noted"
                when
                    $draft : DecisionDraft( paging )
                then
                    $draft.recommend("a page", "noted");
                    update($draft);
                end
                """);
        InvalidSourceException refused = catchThrowableOfType(InvalidSourceException.class,
                () -> Packs.loader().load(rules, dir.resolve("policies")));
        assertThat(refused.problems()).extracting(Object::toString).containsExactly(rules.resolve("explains.drl")
                + ":10: rule \"Pages are noted\": remove update($draft): the draft tells the engine of every change"
                + " itself, and an update would make rules fire again and again");
    }

    @Test
    void aDowngradeSaysWhatItUndid() {
        Team sre = new Team("platform-sre", Role.OPS, true, ZoneId.of("UTC"), BusinessHours.parse("Mon-Fri 09:00-17:00"), 0);
        Team dev = new Team("payments-dev", Role.DEV, true, ZoneId.of("UTC"), BusinessHours.parse("Mon-Fri 09:00-17:00"), 0);
        RecordingDraft draft = new RecordingDraft();
        draft.route(sre, Action.PAGE, "routed");
        draft.requireAckWithin(Duration.ofMinutes(5), "tier-1");
        draft.deferUntil(NIGHT, "waits");
        draft.escalateTo(dev, "then payments");
        draft.downgradeTo(Action.TICKET, "a ticket instead");
        assertThat(draft.reasons()).last().isEqualTo(new Reason("", Effect.DOWNGRADE, "ticket (was page)", "a ticket instead (undoing: acknowledgement within"
                + " PT5M, the wait until 2026-11-25T03:00:00Z, escalation to payments-dev)"));
        assertThat(draft.getAckWithin()).isNull();
        assertThat(draft.escalationSteps()).isEmpty();
    }
}
