package dev.pagerpolicy.reload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A reload asked for and not finished: {@code queued} until the one before it ends, then {@code running}. Its
 * outcome is the {@link ReloadAttempt} of the same id.
 */
public final class PendingReload {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";

    private final long id;
    private final String trigger;
    private final Instant requestedAt;
    private volatile String status = QUEUED;
    private final CompletableFuture<ReloadAttempt> outcome = new CompletableFuture<>();

    PendingReload(long id, String trigger, Instant requestedAt) {
        this.id = id;
        this.trigger = trigger;
        this.requestedAt = requestedAt;
    }

    public long getId() {
        return id;
    }

    public String getTrigger() {
        return trigger;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getStatus() {
        return status;
    }

    /** Completes when the reload has ended, with what it did. */
    @JsonIgnore
    public CompletableFuture<ReloadAttempt> outcome() {
        return outcome;
    }

    void started() {
        status = RUNNING;
    }
}
