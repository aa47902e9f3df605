package dev.pagerpolicy.app;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Whether this process can still be trusted to serve. Running out of memory while serving (deciding,
 * recording, or in any thread of the server) leaves it in a state nobody can vouch for: threads may have
 * died half-way, and it may hang. From then on it reports itself not alive, so that the orchestrator
 * restarts it, instead of looking healthy while alerts go unanswered. Running out of memory while compiling a
 * rule change is not such a case: the reload fails, its memory is freed, and the active rules keep deciding.
 */
@ApplicationScoped
public class ServingHealth {
    private static final Logger LOG = Logger.getLogger(ServingHealth.class);

    private final AtomicReference<String> fatal = new AtomicReference<>();

    /** Errors that kill a thread of the server (an event loop, a worker) count too. */
    void watchThreads(@Observes StartupEvent event) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError oom) {
                outOfMemory("in thread " + thread.getName(), oom);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        });
    }

    /** @param where what the process was doing, e.g. "deciding an alert" */
    public void outOfMemory(String where, OutOfMemoryError error) {
        if (fatal.compareAndSet(null, "ran out of memory " + where + " (" + error.getMessage() + ")")) {
            LOG.errorf("%s: this process reports itself not alive from now on and must be restarted;"
                    + " give it a larger heap (-Xmx) or lower pager-policy.recent-decisions.max-bytes", fatal.get());
        }
    }

    /** Why the process must be restarted, if it must. */
    public Optional<String> fatal() {
        return Optional.ofNullable(fatal.get());
    }
}
