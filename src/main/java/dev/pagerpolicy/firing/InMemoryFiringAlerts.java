package dev.pagerpolicy.firing;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The firing alerts of one replica, in its memory, by service: the default, with nothing to install. Bounded: past
 * {@link #MAX_PER_SERVICE} alerts of one service, or {@link #MAX_ALERTS} in all, one alert of that service is
 * forgotten, so that a storm of alerts that are never resolved cannot take the heap: a ticket first (the soonest to
 * end), else the page that fired last. The earliest page is what explains the alerts that follow it, so a storm
 * never pushes it out.
 */
public final class InMemoryFiringAlerts implements FiringAlerts {
    static final int MAX_ALERTS = 100_000;
    /** Per service: a storm on one service evicts its own oldest, and reading a service stays cheap. */
    static final int MAX_PER_SERVICE = 100;

    private record Kept(FiringAlert alert, Instant until) {
    }

    private final Map<String, Map<String, Kept>> byService = new ConcurrentHashMap<>();
    private final Map<String, String> serviceOfKey = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    @Override
    public void firing(FiringAlert alert, Instant until) {
        resolved(alert.key()); // its service may have changed since it was kept
        Map<String, Kept> ofService = byService.computeIfAbsent(alert.service(), s -> new ConcurrentHashMap<>());
        ofService.put(alert.key(), new Kept(alert, until));
        serviceOfKey.put(alert.key(), alert.service());
        if (kept.incrementAndGet() > MAX_ALERTS || ofService.size() > MAX_PER_SERVICE) {
            forgetTheLeastExplaining(alert.service());
        }
    }

    /** Forgets the alert of {@code service} that explains the least: a ticket, else the latest page. */
    private void forgetTheLeastExplaining(String service) {
        byService.getOrDefault(service, Map.of()).values().stream().min(LEAST_EXPLAINING)
                .ifPresent(least -> resolved(least.alert().key()));
    }

    private static final Comparator<Kept> LEAST_EXPLAINING = Comparator
            .comparing((Kept kept) -> kept.alert().action() == Action.PAGE)
            .thenComparing(kept -> kept.alert().action() == Action.PAGE ? Instant.MAX : kept.until())
            .thenComparing(kept -> kept.alert().since(), Comparator.nullsFirst(Comparator.reverseOrder()));

    @Override
    public void resolved(String key) {
        String service = serviceOfKey.remove(key);
        if (service != null && byService.getOrDefault(service, Map.of()).remove(key) != null) {
            kept.decrementAndGet();
        }
    }

    @Override
    public List<FiringAlert> of(Set<String> services, Instant now) {
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
        ended.forEach(this::resolved); // their time is up: as if resolved
        return firing;
    }

    @Override
    public String where() {
        return "in memory";
    }
}
