package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.app.PagerPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The most recent decisions, in memory, so that "why was I paged?" has an answer without a log search. Each is
 * kept as the JSON of its {@link DecisionRecord}, the very bytes of its decision-log line, copied into a ring of
 * large byte arrays, and found through an index of plain int arrays.
 * <p>
 * Why a ring, not a map of records: at a steady rate every kept decision is young once, and the garbage collector
 * copies whatever is still referenced when it runs, up to fifteen times before it settles in the old generation.
 * Ten thousand kept records made each young collection of a 128 MiB heap about four milliseconds longer (the 99th
 * percentile of decide is set by those pauses, see docs/PERFORMANCE.md). The ring's arrays are allocated once and
 * are old from then on; a decision's own objects die young.
 * <p>
 * It is bounded twice: by {@code pager-policy.recent-decisions.capacity} decisions and by
 * {@code pager-policy.recent-decisions.max-bytes} of JSON, whichever is reached first, and forgets the oldest
 * first. Alerts may carry kilobytes of labels, so a count alone could fill a small heap. A record larger than one
 * of the ring's arrays ({@value #MAX_CHUNK} bytes) is not kept. It is per instance and lost on restart; the
 * decision log is the durable record.
 */
@ApplicationScoped
public class RecentDecisions {
    /**
     * The size of each array of the ring: at least half a G1 region in heaps under 4 GiB, where such an array is
     * allocated straight into the old generation.
     */
    static final int MAX_CHUNK = 1024 * 1024;

    private final int capacity;
    private final int chunkSize;
    private final byte[][] chunks;
    /** Per kept decision, in a ring of {@code capacity} slots: where its id and JSON are, and its id's hash. */
    private final long[] start;
    private final int[] idLength;
    private final int[] jsonLength;
    private final int[] idHash;
    private int oldest;
    private int count;
    /** Where the next record goes, as an offset into the ring of chunks. */
    private long cursor;
    private long retainedBytes;

    @Inject
    public RecentDecisions(PagerPolicyConfig config) {
        this(config.recentDecisions().capacity(), config.recentDecisions().maxBytes().asLongValue());
    }

    RecentDecisions(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.chunkSize = (int) Math.max(1, Math.min(MAX_CHUNK, maxBytes));
        this.chunks = new byte[(int) Math.min(Integer.MAX_VALUE, maxBytes / chunkSize)][];
        this.start = new long[capacity];
        this.idLength = new int[capacity];
        this.jsonLength = new int[capacity];
        this.idHash = new int[capacity];
    }

    private long ringSize() {
        return (long) chunks.length * chunkSize;
    }

    /** @param json the decision's record as JSON; copied, so the caller may reuse it */
    public void add(String decisionId, byte[] json) {
        byte[] id = decisionId.getBytes(StandardCharsets.UTF_8);
        int length = id.length + json.length;
        if (capacity == 0 || length > chunkSize) {
            return; // nothing is to be kept, or it would push out everything else and still not fit
        }
        synchronized (this) {
            // A record never spans two chunks: one that does not fit the rest of this chunk starts the next.
            long at = cursor % chunkSize + length > chunkSize ? (cursor / chunkSize + 1) * chunkSize % ringSize() : cursor;
            while (count == capacity || (count > 0 && !free(at, length))) {
                forgetOldest();
            }
            if (count == 0) {
                at = 0; // an empty ring starts again at its beginning
            }
            byte[] chunk = chunk((int) (at / chunkSize));
            int offset = (int) (at % chunkSize);
            System.arraycopy(id, 0, chunk, offset, id.length);
            System.arraycopy(json, 0, chunk, offset + id.length, json.length);
            int slot = (oldest + count) % capacity;
            start[slot] = at;
            idLength[slot] = id.length;
            jsonLength[slot] = json.length;
            idHash[slot] = decisionId.hashCode();
            count++;
            cursor = (at + length) % ringSize();
            retainedBytes += json.length;
        }
    }

    /** Whether {@code [at, at + length)} lies in the free part of the ring, from the cursor up to the oldest record. */
    private boolean free(long at, int length) {
        long ring = ringSize();
        long freeBytes = Math.floorMod(start[oldest] - cursor, ring);
        if (freeBytes == 0) {
            return false; // the records fill the ring up to the cursor
        }
        return Math.floorMod(at - cursor, ring) + length <= freeBytes;
    }

    private void forgetOldest() {
        retainedBytes -= jsonLength[oldest];
        oldest = (oldest + 1) % capacity;
        count--;
    }

    private byte[] chunk(int index) {
        if (chunks[index] == null) {
            chunks[index] = new byte[chunkSize]; // allocated as the ring first fills, then kept
        }
        return chunks[index];
    }

    /** The record's JSON. */
    public synchronized Optional<byte[]> find(String decisionId) {
        byte[] id = decisionId.getBytes(StandardCharsets.UTF_8);
        int hash = decisionId.hashCode();
        for (int i = count - 1; i >= 0; i--) {
            int slot = (oldest + i) % capacity;
            if (idHash[slot] == hash && idLength[slot] == id.length) {
                byte[] chunk = chunks[(int) (start[slot] / chunkSize)];
                int offset = (int) (start[slot] % chunkSize);
                if (Arrays.equals(chunk, offset, offset + id.length, id, 0, id.length)) {
                    return Optional.of(Arrays.copyOfRange(chunk, offset + id.length, offset + id.length + jsonLength[slot]));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The newest records as one JSON array, newest first: at most {@code limit} of them, and no more than
     * {@code maxBytes} of them, so that one answer pins a bounded amount of memory until its client has read it.
     * The newest record is always included.
     */
    public synchronized byte[] newest(int limit, long maxBytes) {
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.write('[');
        long bytes = 0;
        for (int i = count - 1, taken = 0; i >= 0 && taken < limit; i--, taken++) {
            int slot = (oldest + i) % capacity;
            bytes += jsonLength[slot];
            if (bytes > maxBytes && taken > 0) {
                break;
            }
            if (taken > 0) {
                array.write(',');
            }
            array.write(chunks[(int) (start[slot] / chunkSize)], (int) (start[slot] % chunkSize) + idLength[slot],
                    jsonLength[slot]);
        }
        array.write(']');
        return array.toByteArray();
    }

    /** The bytes of JSON kept. */
    public synchronized long retainedBytes() {
        return retainedBytes;
    }
}
