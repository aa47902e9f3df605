package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.decision.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The buffer behind GET /v1/decisions is bounded by the memory its records hold, not only by their count. */
class RecentDecisionsTest {
    private static final long ONE_MIB = 1024 * 1024;

    /** An alert of about 12 KB: three labels of 4,000 characters, as the decide API allows. */
    private static DecisionRecord largeRecord(int n) {
        String big = "x".repeat(4000);
        Alert alert = new Alert("alert-" + n, AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null,
                Instant.parse("2026-11-25T03:00:00Z"), Map.of("a", big, "b", big, "c", big), null);
        Decision decision = new Decision("d-" + n, "alert-" + n, new Target("platform-sre", Role.OPS), Action.PAGE,
                Duration.ofMinutes(5), null, List.of(), List.of(), List.of(),
                List.of(new Reason("Outages page the on-call team", "checkout-api is down")), "v1", false);
        return new DecisionRecord("d-" + n, Instant.EPOCH, 10, "v1", alert, decision, List.of("Outages page the on-call team"));
    }

    @Test
    void largeAlertsAreForgottenOnceTheBufferHoldsItsMemoryBudget() {
        RecentDecisions recent = new RecentDecisions(10_000, ONE_MIB);
        for (int i = 0; i < 9_016; i++) {
            recent.add(largeRecord(i));
        }
        assertThat(recent.retainedBytes()).isLessThanOrEqualTo(ONE_MIB);
        List<DecisionRecord> kept = recent.newest(10_000, Long.MAX_VALUE);
        // 12 KB alerts are held as 24 KB of UTF-16 characters at most: about 40 fit in a MiB, not 9,016.
        assertThat(kept).hasSizeBetween(30, 90);
        assertThat(kept.get(0).decisionId()).isEqualTo("d-9015");
        assertThat(recent.find("d-0")).isEmpty();
        assertThat(recent.find("d-9015")).isPresent();
    }

    @Test
    void theCountStillBoundsSmallRecords() {
        RecentDecisions recent = new RecentDecisions(3, ONE_MIB);
        for (int i = 0; i < 5; i++) {
            recent.add(largeRecord(i));
        }
        assertThat(recent.newest(10, Long.MAX_VALUE)).extracting(DecisionRecord::decisionId)
                .containsExactly("d-4", "d-3", "d-2");
    }

    @Test
    void aRecordLargerThanTheWholeBudgetIsNotKept() {
        RecentDecisions recent = new RecentDecisions(10, 1024);
        recent.add(largeRecord(1));
        assertThat(recent.find("d-1")).isEmpty();
        assertThat(recent.retainedBytes()).isZero();
    }

    @Test
    void oneAnswerHoldsNoMoreThanItsByteBudgetButAlwaysTheNewestRecord() {
        RecentDecisions recent = new RecentDecisions(10_000, 16 * ONE_MIB);
        for (int i = 0; i < 100; i++) {
            recent.add(largeRecord(i));
        }
        long oneRecord = RecordSize.estimate(largeRecord(99)); // the ten newest have ids as long as this one
        assertThat(recent.newest(1000, 10 * oneRecord)).hasSize(10);
        assertThat(recent.newest(1000, 1)).extracting(DecisionRecord::decisionId).containsExactly("d-99");
    }
}
