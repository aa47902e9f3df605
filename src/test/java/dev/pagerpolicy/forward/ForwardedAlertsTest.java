package dev.pagerpolicy.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A resend keeps its decision, a held page goes out when its time has come, a resolve resolves what was sent. */
class ForwardedAlertsTest {
    private static final Instant START = Instant.parse("2026-11-29T03:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    private static PostableAlert alert(Instant endsAt) {
        return new PostableAlert(Map.of("alertname", "RecsErrors"), Map.of(), START, endsAt, null);
    }

    private static PostableAlert copy(String team, String action) {
        return new PostableAlert(Map.of("alertname", "RecsErrors", "pp_team", team, "pp_action", action), Map.of(),
                START, START.plusSeconds(240), null);
    }

    @Test
    void aResendRefreshesTheCopiesSentAndAHeldPageGoesOutOnTheFirstResendAtOrAfterItsTime() {
        ForwardedAlerts forwarded = new ForwardedAlerts(10, Duration.ofMinutes(5));
        List<PostableAlert> first = forwarded.decided("fp", alert(START.plusSeconds(240)), "d-1", List.of(
                new Copies.Copy(copy("platform-sre", "page"), MONDAY), new Copies.Copy(copy("recs-ds", "ticket"), null)),
                START);

        assertThat(first).extracting(c -> c.labels().get("pp_team")).containsExactly("recs-ds");
        Instant minuteLater = START.plusSeconds(60);
        ForwardedAlerts.Resend again = forwarded.resent("fp", alert(minuteLater.plusSeconds(240)), minuteLater).orElseThrow();
        assertThat(again.decisionId()).isEqualTo("d-1");
        assertThat(again.copies()).singleElement().satisfies(copy -> {
            assertThat(copy.labels()).containsEntry("pp_team", "recs-ds");
            assertThat(copy.endsAt()).isEqualTo(minuteLater.plusSeconds(240));
        });
        ForwardedAlerts.Resend monday = forwarded.resent("fp", alert(MONDAY.plusSeconds(240)), MONDAY).orElseThrow();
        assertThat(monday.copies()).extracting(c -> c.labels().get("pp_team")).containsExactly("recs-ds", "platform-sre");
    }

    @Test
    void aNewStartIsANewAlertAndAResolveResolvesEveryCopySent() {
        ForwardedAlerts forwarded = new ForwardedAlerts(10, Duration.ofMinutes(5));
        forwarded.decided("fp", alert(null), "d-1", List.of(new Copies.Copy(copy("platform-sre", "page"), null)), START);

        assertThat(forwarded.resent("fp", new PostableAlert(Map.of(), Map.of(), START.plusSeconds(1), null, null),
                START)).as("started anew: decided again").isEmpty();
        Instant end = START.plusSeconds(600);
        assertThat(forwarded.resolved("fp", end)).singleElement().satisfies(copy -> assertThat(copy.endsAt()).isEqualTo(end));
        assertThat(forwarded.resolved("fp", end)).as("forgotten once resolved").isEmpty();
    }

    @Test
    void itRemembersAtMostItsCapacityTheLeastRecentlySentForgottenFirst() {
        ForwardedAlerts forwarded = new ForwardedAlerts(2, Duration.ofMinutes(5));
        for (String fingerprint : List.of("a", "b", "c")) {
            forwarded.decided(fingerprint, alert(null), "d-" + fingerprint, List.of(), START);
        }
        assertThat(forwarded.size()).isEqualTo(2);
        assertThat(forwarded.resent("a", alert(null), START)).isEmpty();
        assertThat(forwarded.resent("c", alert(null), START)).isPresent();
    }
}
