package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.app.PagerPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent decisions, in memory, so that "why was I paged?" has an answer without a log search. It
 * holds at most {@code pager-policy.recent-decisions.capacity} records and forgets the oldest first; it is
 * per instance and lost on restart. The decision log is the durable record.
 */
@ApplicationScoped
public class RecentDecisions {
    private Map<String, DecisionRecord> byId = Map.of();

    @Inject
    void configure(PagerPolicyConfig config) {
        int capacity = config.recentDecisions().capacity();
        byId = Collections.synchronizedMap(new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DecisionRecord> eldest) {
                return size() > capacity;
            }
        });
    }

    public void add(DecisionRecord record) {
        byId.put(record.decisionId(), record);
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return Optional.ofNullable(byId.get(decisionId));
    }

    /** The newest {@code limit} records, newest first. */
    public List<DecisionRecord> newest(int limit) {
        List<DecisionRecord> all;
        synchronized (byId) {
            all = new ArrayList<>(byId.values());
        }
        Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }
}
