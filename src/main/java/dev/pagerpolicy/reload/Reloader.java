package dev.pagerpolicy.reload;

import dev.pagerpolicy.engine.ActiveRuleSet;
import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Re-reads the rule and policy directories and, only if the result passes {@link RuleSetVerifier}, makes it the
 * active set in one atomic swap. Decisions never wait: they keep using the set they read while a reload
 * compiles aside. A failed reload changes nothing that decides, and is remembered for operators to see.
 */
public final class Reloader {
    private static final Logger LOG = Logger.getLogger(Reloader.class);

    private final RuleSetVerifier verifier;
    private final ActiveRuleSet active;
    private final Clock clock;
    private final List<Consumer<ReloadAttempt>> listeners = new CopyOnWriteArrayList<>();
    private volatile ReloadAttempt lastAttempt;

    public Reloader(RuleSetVerifier verifier, ActiveRuleSet active, Clock clock) {
        this.verifier = verifier;
        this.active = active;
        this.clock = clock;
    }

    /** Reloads are serialised: two triggers at once build one after the other, never interleaved. */
    public synchronized ReloadAttempt reload(String trigger) {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        ReloadAttempt attempt;
        try {
            RuleSet candidate = verifier.buildVerified();
            boolean changed = !candidate.version().equals(active.get().version());
            if (changed || !candidate.warnings().equals(active.get().warnings())) {
                active.replace(candidate); // same rules, but what operators are told about them changed
            }
            attempt = new ReloadAttempt(start, trigger, changed ? ReloadAttempt.SUCCESS : ReloadAttempt.UNCHANGED,
                    candidate.version(), Duration.ofNanos(System.nanoTime() - startNanos), List.of());
            LOG.infof("reload (%s): %s, rule set %s active", trigger, attempt.result(), active.get().version());
        } catch (InvalidSourceException e) {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            attempt = new ReloadAttempt(start, trigger, ReloadAttempt.FAILED, null,
                    Duration.ofNanos(System.nanoTime() - startNanos), problems);
            LOG.warnf("reload (%s) failed; rule set %s stays active. %d problem(s):%n%s", trigger,
                    active.get().version(), problems.size(), String.join("\n", problems));
        } catch (RuntimeException | Error e) {
            // A bug in loading, or a rule set whose scenarios exhaust the heap or the stack, must not take the
            // active set down with it; the memory of the failed candidate is free again once it is dropped.
            attempt = new ReloadAttempt(start, trigger, ReloadAttempt.FAILED, null,
                    Duration.ofNanos(System.nanoTime() - startNanos), List.of("unexpected error: " + e));
            LOG.error("reload (" + trigger + ") failed unexpectedly; rule set " + active.get().version()
                    + " stays active", e);
        }
        lastAttempt = attempt;
        for (Consumer<ReloadAttempt> listener : listeners) {
            listener.accept(attempt);
        }
        return attempt;
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** Called after every attempt, e.g. to count reloads in metrics. */
    public void onAttempt(Consumer<ReloadAttempt> listener) {
        listeners.add(listener);
    }
}
