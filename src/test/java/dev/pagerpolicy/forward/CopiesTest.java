package dev.pagerpolicy.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.EscalationStep;
import dev.pagerpolicy.decision.FollowUp;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.decision.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes on to Alertmanager for a decision: a copy per recipient, labelled with the decision. */
class CopiesTest {
    private static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    private static final PostableAlert ALERT = new PostableAlert(Map.of("alertname", "ModelDegraded",
            "service", "fraud-scoring"), Map.of("summary", "precision fell"), START, START.plusSeconds(240),
            "http://prometheus/graph");

    private static Decision decision(Action action, Instant notBefore, boolean fallback, List<FollowUp> followUps) {
        return new Decision("d-1", "ModelDegraded", new Target("fraud-ml", Role.ML_ENGINEER), action,
                action == Action.PAGE ? Duration.ofMinutes(5) : null, notBefore,
                action == Action.PAGE ? List.of(new EscalationStep(Duration.ofMinutes(5), "platform-sre", Role.OPS),
                        new EscalationStep(Duration.ofMinutes(10), "payments-dev", Role.DEV)) : List.of(),
                followUps, List.of(), List.of(new Reason("r", Effect.ROUTE, "page fraud-ml", "fraud-ml is on call"),
                        new Reason("r", Effect.ACK_WITHIN, "PT5M", "tier-1 pages are acknowledged within PT5M")),
                "v1", fallback, null);
    }

    @Test
    void theTargetAndEachFollowUpGetACopyLabelledWithTheDecision() {
        List<Copies.Copy> copies = Copies.of(ALERT, decision(Action.PAGE, null, false,
                List.of(new FollowUp("fraud-ds", Role.DATA_SCIENTIST, Action.TICKET))));

        assertThat(copies).hasSize(2).allMatch(copy -> copy.dueAt(START));
        PostableAlert page = copies.get(0).alert();
        assertThat(page.labels()).containsEntry("alertname", "ModelDegraded").containsEntry("pp_team", "fraud-ml")
                .containsEntry("pp_role", "ml-engineer").containsEntry("pp_action", "page")
                .containsEntry("pp_decision_id", "d-1").doesNotContainKey("pp_fallback");
        assertThat(page.annotations()).containsEntry("summary", "precision fell")
                .containsEntry("pp_summary", "fraud-ml is on call; tier-1 pages are acknowledged within PT5M")
                .containsEntry("pp_ack_within", "PT5M")
                .containsEntry("pp_escalation", "platform-sre after PT5M, then payments-dev after PT10M");
        assertThat(page.startsAt()).isEqualTo(START);
        assertThat(page.endsAt()).isEqualTo(START.plusSeconds(240));
        assertThat(page.generatorURL()).isEqualTo("http://prometheus/graph");
        PostableAlert ticket = copies.get(1).alert();
        assertThat(ticket.labels()).containsEntry("pp_team", "fraud-ds").containsEntry("pp_role", "data-scientist")
                .containsEntry("pp_action", "ticket");
        assertThat(ticket.annotations()).doesNotContainKeys("pp_ack_within", "pp_escalation");
    }

    @Test
    void aHeldPageWaitsForItsTimeAndItsFollowUpsDoNot() {
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        List<Copies.Copy> copies = Copies.of(ALERT, decision(Action.PAGE, monday, false,
                List.of(new FollowUp("fraud-ds", Role.DATA_SCIENTIST, Action.TICKET))));

        assertThat(copies.get(0).dueAt(START)).isFalse();
        assertThat(copies.get(0).dueAt(monday)).isTrue();
        assertThat(copies.get(0).alert().annotations()).containsEntry("pp_not_before", "2026-11-30T09:00:00Z");
        assertThat(copies.get(1).dueAt(START)).isTrue();
    }

    @Test
    void theFallbackSaysSoAndIgnoreReachesNoOne() {
        assertThat(Copies.of(ALERT, decision(Action.PAGE, null, true, List.of())).get(0).alert().labels())
                .containsEntry("pp_fallback", "true");
        assertThat(Copies.of(ALERT, decision(Action.IGNORE, null, false, List.of()))).isEmpty();
    }
}
