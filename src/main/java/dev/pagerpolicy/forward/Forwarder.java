package dev.pagerpolicy.forward;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Every Alertmanager the copies go to, each with its {@link Outbox}: each gets every copy, as Prometheus treats the
 * members of an Alertmanager cluster, and one that is away holds back none of the others.
 */
public final class Forwarder implements AutoCloseable {
    private final List<Outbox> outboxes;

    public Forwarder(List<URI> alertmanagers, int capacity, int batchSize,
                     Function<List<PostableAlert>, byte[]> encoder) {
        this.outboxes = alertmanagers.stream().map(url -> new Outbox(url, capacity, batchSize, encoder)).toList();
    }

    /** Forwards nothing: no Alertmanager is configured. */
    public static Forwarder none() {
        return new Forwarder(List.of(), 1, 1, alerts -> new byte[0]);
    }

    /**
     * Queues {@code copies} for every Alertmanager; false when none could take them (each queue full), and the
     * sender must send them again later. Nothing to forward is always taken.
     */
    public boolean forward(List<PostableAlert> copies) {
        if (copies.isEmpty() || outboxes.isEmpty()) {
            return true;
        }
        boolean taken = false;
        for (Outbox outbox : outboxes) {
            taken |= outbox.offer(copies);
        }
        return taken;
    }

    public List<Outbox> outboxes() {
        return outboxes;
    }

    @Override
    public void close() {
        outboxes.forEach(Outbox::close);
    }
}
