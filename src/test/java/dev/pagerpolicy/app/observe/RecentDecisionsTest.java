package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buffer behind GET /v1/decisions is bounded by the bytes its records hold, not only by their count, and
 * keeps them in a ring that wraps around: the oldest are forgotten first, and every kept record reads back whole.
 */
class RecentDecisionsTest {
    private static final long ONE_MIB = 1024 * 1024;
    /** A record of an alert with three labels of 4,000 characters, as the decide API allows: 12,000 bytes of JSON. */
    private static final int LARGE = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String id(int n) {
        return "d-" + n;
    }

    /** A record of exactly {@code size} bytes of JSON. */
    private static byte[] record(int n, int size) {
        String head = "{\"decisionId\":\"" + id(n) + "\",\"pad\":\"";
        return (head + "x".repeat(size - head.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void add(RecentDecisions recent, int n, int size) {
        recent.add(id(n), record(n, size));
    }

    private static List<String> ids(byte[] array) {
        try {
            List<String> ids = new ArrayList<>();
            JSON.readTree(array).forEach(record -> ids.add(record.get("decisionId").asText()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void largeAlertsAreForgottenOnceTheBufferHoldsItsMemoryBudget() {
        RecentDecisions recent = new RecentDecisions(10_000, ONE_MIB);
        for (int i = 0; i < 9_016; i++) {
            add(recent, i, LARGE);
        }
        // A record and its id take 12,006 bytes of the one chunk of a MiB: 87 fit, not 9,016.
        List<String> kept = ids(recent.newest(10_000, Long.MAX_VALUE));
        assertThat(kept).hasSize(87).startsWith("d-9015", "d-9014").endsWith("d-8929");
        assertThat(recent.retainedBytes()).isEqualTo(87L * LARGE);
        assertThat(recent.find("d-0")).isEmpty();
        assertThat(recent.find("d-8928")).isEmpty();
        assertThat(recent.find("d-8929")).hasValueSatisfying(json -> assertThat(json).isEqualTo(record(8929, LARGE)));
        assertThat(recent.find("d-9015")).hasValueSatisfying(json -> assertThat(json).isEqualTo(record(9015, LARGE)));
    }

    @Test
    void theCountStillBoundsSmallRecords() {
        RecentDecisions recent = new RecentDecisions(3, ONE_MIB);
        for (int i = 0; i < 5; i++) {
            add(recent, i, 200);
        }
        assertThat(ids(recent.newest(10, Long.MAX_VALUE))).containsExactly("d-4", "d-3", "d-2");
        assertThat(recent.retainedBytes()).isEqualTo(3 * 200);
        assertThat(recent.find("d-1")).isEmpty();
    }

    @Test
    void recordsOfMixedSizesReadBackWholeAcrossManyWrapsOfTheRing() {
        // Two chunks of 5,000 bytes: records do not span chunks, so the tail of a chunk is skipped when the next
        // record does not fit it, and the ring wraps every few records.
        RecentDecisions recent = new RecentDecisions(100, 10_000);
        int[] sizes = {700, 2_300, 1_100, 4_900, 90, 3_000};
        for (int i = 0; i < 600; i++) {
            add(recent, i, sizes[i % sizes.length]);
            List<String> kept = ids(recent.newest(100, Long.MAX_VALUE));
            assertThat(kept.get(0)).isEqualTo(id(i));
            long bytes = 0;
            for (int k = 0; k < kept.size(); k++) {
                int n = i - k;
                assertThat(kept.get(k)).isEqualTo(id(n)); // newest first, none missing in between
                assertThat(recent.find(id(n))).hasValueSatisfying(json -> assertThat(json).isEqualTo(record(n, sizes[n % sizes.length])));
                bytes += sizes[n % sizes.length] + id(n).length();
            }
            assertThat(bytes).isLessThanOrEqualTo(10_000);
            assertThat(recent.find(id(i - kept.size()))).isEmpty();
        }
    }

    @Test
    void aRecordLargerThanAChunkIsNotKeptAndForgetsNothing() {
        RecentDecisions recent = new RecentDecisions(10, 1024);
        add(recent, 1, 300);
        add(recent, 2, 1024);
        assertThat(recent.find("d-2")).isEmpty();
        assertThat(ids(recent.newest(10, Long.MAX_VALUE))).containsExactly("d-1");
        assertThat(recent.retainedBytes()).isEqualTo(300);
    }

    @Test
    void oneAnswerHoldsNoMoreThanItsByteBudgetButAlwaysTheNewestRecord() {
        RecentDecisions recent = new RecentDecisions(10_000, 16 * ONE_MIB);
        for (int i = 0; i < 100; i++) {
            add(recent, i, LARGE);
        }
        assertThat(ids(recent.newest(1000, 10 * LARGE))).hasSize(10).startsWith("d-99");
        assertThat(ids(recent.newest(1000, 1))).containsExactly("d-99");
        assertThat(ids(recent.newest(3, Long.MAX_VALUE))).containsExactly("d-99", "d-98", "d-97");
        assertThat(recent.newest(1000, Long.MAX_VALUE)).startsWith((byte) '[').endsWith((byte) ']');
    }

    @Test
    void aCapacityOfNoneKeepsNothing() {
        RecentDecisions recent = new RecentDecisions(0, ONE_MIB);
        add(recent, 1, 200);
        assertThat(recent.find("d-1")).isEmpty();
        assertThat(new String(recent.newest(10, Long.MAX_VALUE), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void anEmptyBufferAnswersAnEmptyArray() {
        RecentDecisions recent = new RecentDecisions(10, ONE_MIB);
        assertThat(new String(recent.newest(10, Long.MAX_VALUE), StandardCharsets.UTF_8)).isEqualTo("[]");
        assertThat(recent.find("d-1")).isEmpty();
    }
}
