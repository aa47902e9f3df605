package dev.pagerpolicy.firing;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The firing alerts of one replica, in its memory, by service: the default, with nothing to install. Bounded by
 * bytes ({@link #MAX_BYTES}, an estimate of what each alert holds) and per service ({@link #MAX_PER_SERVICE}), so that
 * no storm of alerts that are never resolved, of one service or of made-up ones, can take the heap. Past a service's
 * bound one of its own is forgotten: a ticket first (the soonest to end), else the page that fired last, since the
 * earliest page is what explains the alerts that follow it. Past the bytes, the alerts soonest to end of any service
 * go first. Every eviction is counted. Alerts whose time is up are swept by {@link #sweep}, which the service calls on
 * its own clock, as well as when their service is read.
 */
public final class InMemoryFiringAlerts implements FiringAlerts {
    /** About 40,000 alerts of ordinary names. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Per service: a storm on one service evicts its own latest, and reading a service stays cheap. */
    static final int MAX_PER_SERVICE = 100;
    /** The share of the bytes freed at once when they are all taken: eviction is not paid by every alert. */
    private static final int EVICT_PERCENT = 5;

    private record Kept(FiringAlert alert, Instant until, long bytes) {
    }

    private final Map<String, Map<String, Kept>> byService = new HashMap<>();
    private final Map<String, String> serviceOfKey = new HashMap<>();
    private long bytes;
    private long evicted;

    /** What an alert costs the heap, roughly: its strings (two bytes a character) and the objects around them. */
    private static long bytesOf(FiringAlert alert) {
        long characters = 0;
        for (String text : new String[] {alert.key(), alert.service(), alert.model(), alert.environment(), alert.team(),
                alert.decisionId()}) {
            characters += text == null ? 0 : text.length();
        }
        return 400 + 2 * characters;
    }

    @Override
    public synchronized void firing(FiringAlert alert, Instant until) {
        resolved(alert.key()); // its service may have changed since it was kept
        Map<String, Kept> ofService = byService.computeIfAbsent(alert.service(), s -> new HashMap<>());
        Kept kept = new Kept(alert, until, bytesOf(alert));
        ofService.put(alert.key(), kept);
        serviceOfKey.put(alert.key(), alert.service());
        bytes += kept.bytes();
        if (ofService.size() > MAX_PER_SERVICE) {
            ofService.values().stream().min(LEAST_EXPLAINING).ifPresent(least -> evict(least.alert().key()));
        }
        evictTheSoonestToEnd();
    }

    private static final Comparator<Kept> LEAST_EXPLAINING = Comparator
            .comparing((Kept kept) -> kept.alert().action() == Action.PAGE)
            .thenComparing(kept -> kept.alert().action() == Action.PAGE ? Instant.MAX : kept.until())
            .thenComparing(kept -> kept.alert().since(), Comparator.nullsFirst(Comparator.reverseOrder()));

    /** While over the bytes, forgets the alerts soonest to end, a few percent of them at once. */
    private void evictTheSoonestToEnd() {
        if (bytes <= MAX_BYTES) {
            return;
        }
        long target = MAX_BYTES - MAX_BYTES * EVICT_PERCENT / 100;
        List<Kept> all = new ArrayList<>();
        byService.values().forEach(ofService -> all.addAll(ofService.values()));
        all.sort(Comparator.comparing(Kept::until));
        for (Kept kept : all) {
            if (bytes <= target) {
                return;
            }
            evict(kept.alert().key());
        }
    }

    private void evict(String key) {
        if (remove(key)) {
            evicted++;
        }
    }

    @Override
    public synchronized void resolved(String key) {
        remove(key);
    }

    private boolean remove(String key) {
        String service = serviceOfKey.remove(key);
        if (service == null) {
            return false;
        }
        Map<String, Kept> ofService = byService.get(service);
        Kept kept = ofService == null ? null : ofService.remove(key);
        if (kept != null) {
            bytes -= kept.bytes();
        }
        if (ofService != null && ofService.isEmpty()) {
            byService.remove(service); // a service with nothing firing costs nothing
        }
        return kept != null;
    }

    @Override
    public synchronized List<FiringAlert> of(Set<String> services, Instant now) {
        List<FiringAlert> firing = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        for (String service : services) {
            for (Kept kept : byService.getOrDefault(service, Map.of()).values()) {
                if (kept.until().isAfter(now)) {
                    firing.add(kept.alert());
                } else {
                    ended.add(kept.alert().key());
                }
            }
        }
        ended.forEach(this::remove); // their time is up: as if resolved
        return firing;
    }

    @Override
    public synchronized void sweep(Instant now) {
        List<String> ended = new ArrayList<>();
        byService.values().forEach(ofService -> ofService.values().stream().filter(kept -> !kept.until().isAfter(now))
                .forEach(kept -> ended.add(kept.alert().key())));
        ended.forEach(this::remove);
    }

    @Override
    public synchronized long evicted() {
        return evicted;
    }

    /** Alerts kept. */
    public synchronized int size() {
        return serviceOfKey.size();
    }

    /** Services with an alert kept. */
    public synchronized int services() {
        return byService.size();
    }

    /** The estimated bytes kept. */
    public synchronized long bytes() {
        return bytes;
    }

    @Override
    public String where() {
        return "in memory";
    }
}
