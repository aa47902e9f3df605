package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.app.PagerPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent decisions, in memory, so that "why was I paged?" has an answer without a log search. It is
 * bounded twice: by {@code pager-policy.recent-decisions.capacity} records and by
 * {@code pager-policy.recent-decisions.max-bytes} of estimated heap, whichever is reached first, and forgets
 * the oldest first. Alerts may carry kilobytes of labels, so a count alone could fill a small heap. It is per
 * instance and lost on restart; the decision log is the durable record.
 */
@ApplicationScoped
public class RecentDecisions {
    private record Entry(DecisionRecord record, long bytes) {
    }

    private final int capacity;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();
    private long retainedBytes;

    @Inject
    public RecentDecisions(PagerPolicyConfig config) {
        this(config.recentDecisions().capacity(), config.recentDecisions().maxBytes().asLongValue());
    }

    RecentDecisions(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    public void add(DecisionRecord record) {
        long bytes = RecordSize.estimate(record);
        if (bytes > maxBytes) {
            return; // it would push out everything else and still not fit
        }
        synchronized (byId) {
            Entry replaced = byId.put(record.decisionId(), new Entry(record, bytes));
            retainedBytes += bytes - (replaced == null ? 0 : replaced.bytes());
            Iterator<Entry> oldestFirst = byId.values().iterator();
            while (byId.size() > capacity || retainedBytes > maxBytes) {
                retainedBytes -= oldestFirst.next().bytes();
                oldestFirst.remove();
            }
        }
    }

    public Optional<DecisionRecord> find(String decisionId) {
        synchronized (byId) {
            return Optional.ofNullable(byId.get(decisionId)).map(Entry::record);
        }
    }

    /**
     * The newest records, newest first: at most {@code limit} of them, and no more than {@code maxBytes} of
     * estimated size, so that one answer pins a bounded amount of memory until its client has read it. The
     * newest record is always included.
     */
    public List<DecisionRecord> newest(int limit, long maxBytes) {
        List<Entry> all;
        synchronized (byId) {
            all = new ArrayList<>(byId.values());
        }
        List<DecisionRecord> newest = new ArrayList<>(Math.min(limit, all.size()));
        long bytes = 0;
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            bytes += all.get(i).bytes();
            if (bytes > maxBytes && !newest.isEmpty()) {
                break;
            }
            newest.add(all.get(i).record());
        }
        return newest;
    }

    /** The estimated heap the kept records hold. */
    public long retainedBytes() {
        synchronized (byId) {
            return retainedBytes;
        }
    }
}
