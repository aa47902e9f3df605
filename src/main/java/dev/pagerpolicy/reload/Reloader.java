package dev.pagerpolicy.reload;

import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Re-reads the rule and policy directories and, only if the result passes {@link RuleSetVerifier}, makes it the
 * active set in one atomic swap. Decisions never wait: they keep using the set they read while a reload
 * compiles aside. A failed reload changes nothing that decides, and is remembered for operators to see.
 * <p>
 * Reloads are asked for ({@link #request}) and run one at a time on a thread of their own, in the order asked, by
 * the API and the file watcher alike: whoever asks is answered at once, not after the gate. A request made while
 * another is still queued is that one: it has not read the files yet, so it will read the newest.
 */
public final class Reloader {
    private static final Logger LOG = Logger.getLogger(Reloader.class);

    private final RuleSetVerifier verifier;
    private final ActiveRuleSet active;
    private final Clock clock;
    private final List<Consumer<ReloadAttempt>> listeners = new CopyOnWriteArrayList<>();
    private final Executor worker;
    private final AtomicLong requests = new AtomicLong();
    private volatile ReloadAttempt lastAttempt;
    private PendingReload queued;
    private PendingReload running;
    /** Set when the service stops: what is left is abandoned, not reported as a failure of the rules. */
    private volatile boolean stopping;

    public Reloader(RuleSetVerifier verifier, ActiveRuleSet active, Clock clock) {
        this(verifier, active, clock, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rule-set-reload");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param worker runs the reloads, one at a time, in order */
    Reloader(RuleSetVerifier verifier, ActiveRuleSet active, Clock clock, Executor worker) {
        this.verifier = verifier;
        this.active = active;
        this.clock = clock;
        this.worker = worker;
    }

    /** Asks for a reload and returns at once: the queued one, if a reload is queued already, else a new one. */
    public synchronized PendingReload request(String trigger) {
        if (queued != null) {
            return queued;
        }
        PendingReload pending = new PendingReload(requests.incrementAndGet(), trigger, clock.instant());
        if (stopping) {
            pending.outcome().complete(abandoned(pending, clock.instant(), System.nanoTime()));
            return pending;
        }
        queued = pending;
        worker.execute(() -> run(pending));
        return pending;
    }

    /**
     * Called as the service stops: a reload queued is not started, one asked for is not queued, and one running that
     * fails because the service is going away (its beans and class loaders closing under it) is logged as
     * abandoned, not as an error.
     */
    public void stop() {
        stopping = true;
    }

    /** Asks for a reload and waits for it to end. */
    public ReloadAttempt reload(String trigger) {
        return request(trigger).outcome().join();
    }

    /** The reload running now, else the one queued, if any. */
    public synchronized Optional<PendingReload> pending() {
        return Optional.ofNullable(running != null ? running : queued);
    }

    private void run(PendingReload pending) {
        synchronized (this) {
            queued = null;
            running = pending;
        }
        pending.started();
        ReloadAttempt attempt = reloadNow(pending);
        synchronized (this) {
            // One step: whoever sees this attempt as the last one sees it no longer pending.
            running = null;
            lastAttempt = attempt;
        }
        for (Consumer<ReloadAttempt> listener : listeners) {
            listener.accept(attempt);
        }
        pending.outcome().complete(attempt);
    }

    private ReloadAttempt reloadNow(PendingReload pending) {
        long id = pending.getId();
        String trigger = pending.getTrigger();
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        if (stopping) {
            return abandoned(pending, start, startNanos);
        }
        ReloadAttempt attempt;
        try {
            RuleSet candidate = verifier.buildVerified();
            boolean changed = !candidate.version().equals(active.get().version());
            if (changed || !candidate.warnings().equals(active.get().warnings())) {
                active.replace(candidate); // same rules, but what operators are told about them changed
            }
            attempt = new ReloadAttempt(id, start, trigger, changed ? ReloadAttempt.SUCCESS : ReloadAttempt.UNCHANGED,
                    candidate.version(), Duration.ofNanos(System.nanoTime() - startNanos), List.of());
            LOG.infof("reload (%s): %s, rule set %s active", trigger, attempt.result(), active.get().version());
        } catch (InvalidSourceException e) {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            attempt = new ReloadAttempt(id, start, trigger, ReloadAttempt.FAILED, null,
                    Duration.ofNanos(System.nanoTime() - startNanos), problems);
            LOG.warnf("reload (%s) failed; rule set %s stays active. %d problem(s):%n%s", trigger,
                    active.get().version(), problems.size(), String.join("\n", problems));
        } catch (RuntimeException | Error e) {
            if (stopping) {
                return abandoned(pending, start, startNanos);
            }
            // A bug in loading, or a rule set whose scenarios exhaust the heap or the stack, must not take the
            // active set down with it; the memory of the failed candidate is free again once it is dropped.
            attempt = new ReloadAttempt(id, start, trigger, ReloadAttempt.FAILED, null,
                    Duration.ofNanos(System.nanoTime() - startNanos), List.of("unexpected error: " + e));
            LOG.error("reload (" + trigger + ") failed unexpectedly; rule set " + active.get().version()
                    + " stays active", e);
        }
        return attempt;
    }

    private ReloadAttempt abandoned(PendingReload pending, Instant start, long startNanos) {
        LOG.infof("reload (%s) abandoned: the service is stopping", pending.getTrigger());
        return new ReloadAttempt(pending.getId(), start, pending.getTrigger(), ReloadAttempt.FAILED, null,
                Duration.ofNanos(System.nanoTime() - startNanos), List.of("abandoned: the service is stopping"));
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** Called after every attempt, e.g. to count reloads in metrics. */
    public void onAttempt(Consumer<ReloadAttempt> listener) {
        listeners.add(listener);
    }
}
