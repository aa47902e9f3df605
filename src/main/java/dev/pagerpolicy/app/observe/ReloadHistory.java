package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.reload.ReloadAttempt;
import dev.pagerpolicy.reload.Reloader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last reload attempts of this instance, newest first, with their problems: what the console shows. */
@ApplicationScoped
public class ReloadHistory {
    /** Enough to see a run of failed attempts and the success before them; each keeps its problems. */
    static final int KEPT = 20;

    private final Deque<ReloadAttempt> attempts = new ArrayDeque<>();

    void listen(@Observes StartupEvent event, Reloader reloader) {
        reloader.onAttempt(this::add);
    }

    synchronized void add(ReloadAttempt attempt) {
        attempts.addFirst(attempt);
        while (attempts.size() > KEPT) {
            attempts.removeLast();
        }
    }

    public synchronized List<ReloadAttempt> newestFirst() {
        return new ArrayList<>(attempts);
    }
}
