package dev.pagerpolicy.app;

import dev.pagerpolicy.evaluate.Evaluator;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The threads that run single decisions: one per core, off the HTTP event loops. A decision is CPU-bound, so more
 * threads than cores would only contend for pooled sessions (measured: four times the CPU per decision on 30
 * worker threads). Off the event loops, a rule that spins in plain Java, which no time limit can pre-empt, holds
 * one of these threads and not every connection of an event loop; and each thread held so is replaced by a new
 * one, up to {@value #MAX_REPLACED}, so that other alerts are still decided. The threads are daemons: a spinning
 * rule does not keep the process from stopping.
 */
@ApplicationScoped
public class DecisionThreads {
    private static final Logger LOG = Logger.getLogger(DecisionThreads.class);
    /** Decisions waiting for a thread; beyond it an alert is answered 503 at once, to be sent again. */
    static final int MAX_WAITING = 10_000;
    /** Threads held by spinning rules that are replaced; past it the process must be restarted to get them back. */
    static final int MAX_REPLACED = 16;

    /**
     * With the firing alerts in Redis, a decision also waits for two round trips to it: four threads a core keep the
     * cores busy while some wait (measured: 1,100 decisions/s with one a core, bounded by the waits).
     */
    static final int THREADS_PER_CORE_WITH_REDIS = 4;

    private final int base;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService resizer;
    private volatile int replaced;

    @Inject
    public DecisionThreads(Evaluator evaluator, PagerPolicyConfig config) {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        base = "redis".equals(config.correlation().store()) ? cores * THREADS_PER_CORE_WITH_REDIS : cores;
        AtomicInteger number = new AtomicInteger();
        pool = new ThreadPoolExecutor(base, base, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(MAX_WAITING), task -> {
            Thread thread = new Thread(task, "pager-policy-decide-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        resizer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pager-policy-decide-resizer");
            thread.setDaemon(true);
            return thread;
        });
        resizer.scheduleWithFixedDelay(() -> replaceStuck(evaluator.stuckEvaluations()), 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code decision} on a decision thread; fails with {@link RejectedExecutionException} when too many wait. */
    public <T> CompletionStage<T> run(Supplier<T> decision) {
        return CompletableFuture.supplyAsync(decision, pool);
    }

    /** Threads held by rules that spin, and replaced. */
    public int replaced() {
        return replaced;
    }

    private void replaceStuck(int stuck) {
        int extra = Math.min(stuck, MAX_REPLACED);
        if (extra == replaced) {
            return;
        }
        if (extra > replaced) {
            LOG.warnf("%d decisions are stuck in rules that do not stop (spinning in plain Java); their threads are"
                    + " replaced, up to %d", stuck, MAX_REPLACED);
            pool.setMaximumPoolSize(base + extra);
            pool.setCorePoolSize(base + extra);
        } else {
            pool.setCorePoolSize(base + extra);
            pool.setMaximumPoolSize(base + extra);
        }
        replaced = extra;
    }

    void stop(@Observes ShutdownEvent event) {
        resizer.shutdownNow();
        pool.shutdownNow();
    }
}
