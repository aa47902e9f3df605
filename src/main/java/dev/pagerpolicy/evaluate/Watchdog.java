package dev.pagerpolicy.evaluate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.runtime.KieSession;

/**
 * Stops evaluations that run past their time limit. Registering an evaluation costs a set insertion, not a
 * timer: one daemon thread scans the running evaluations a few times per limit, and halts and interrupts
 * those past their {@link Budget}. That stops chains of firings and consequences that block or sleep; a
 * consequence spinning in plain Java code cannot be pre-empted by the JVM, which is one more reason rules
 * are reviewed like code.
 */
final class Watchdog {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = cpuTimeMeasured();

    private static boolean cpuTimeMeasured() {
        try {
            if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * The time one decision may take, counted in what its thread does (CPU time), not in time spent waiting for a
     * core: on a busy machine a decision that waits is not a rule that runs away. A rule that blocks (sleeps, waits on
     * something) uses no CPU; it is stopped once {@link #BACKSTOP} times the limit has passed on the clock. Where the
     * JVM cannot measure a thread's CPU time, the clock alone counts.
     */
    static final class Budget {
        /** How many limits of the clock a decision may take at most, whatever its CPU time. */
        static final int BACKSTOP = 10;
        private final long wallStart = System.nanoTime();
        private final long cpuStart = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
        private final long limitNanos;

        Budget(long limitNanos) {
            this.limitNanos = limitNanos;
        }

        /**
         * Whether the decision evaluated on {@code thread} has spent it by {@code now}. The clock is read first, and
         * the thread's CPU time only once the clock has passed the limit: the CPU time cannot be more.
         */
        boolean spentBy(Thread thread, long now) {
            long wall = now - wallStart;
            if (wall <= limitNanos) {
                return false;
            }
            if (!CPU_TIME || wall > limitNanos * BACKSTOP) {
                return true;
            }
            long cpu = thread == Thread.currentThread() ? THREADS.getCurrentThreadCpuTime()
                    : THREADS.getThreadCpuTime(thread.getId());
            return cpu < 0 || cpu - cpuStart > limitNanos; // -1: the thread has ended
        }
    }
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    /** How often running evaluations are checked: the most a blocked evaluation overruns its limit by. */
    private static final long SCAN_MILLIS = 10;
    private static final Watchdog SHARED = new Watchdog();

    private final Set<Guard> running = ConcurrentHashMap.newKeySet();

    private Watchdog() {
        Thread thread = new Thread(this::scan, "pager-policy-evaluation-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    static Watchdog shared() {
        return SHARED;
    }

    Guard watch(KieSession session, Budget budget) {
        Guard guard = new Guard(session, Thread.currentThread(), budget);
        running.add(guard);
        return guard;
    }

    /**
     * Evaluations that were told to stop more than {@code graceNanos} ago and still run: a consequence spinning in
     * plain Java, which nothing can pre-empt. Each holds its thread for as long as it spins.
     */
    int stuck(long graceNanos) {
        long now = System.nanoTime();
        int stuck = 0;
        for (Guard guard : running) {
            if (guard.state.get() == TIMED_OUT && now - guard.expiredAt > graceNanos) {
                stuck++;
            }
        }
        return stuck;
    }

    private void scan() {
        while (true) {
            long now = System.nanoTime();
            for (Guard guard : running) {
                if (guard.budget.spentBy(guard.thread, now)) {
                    guard.expire();
                }
            }
            try {
                Thread.sleep(SCAN_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One evaluation under watch. */
    final class Guard {
        private final KieSession session;
        private final Thread thread;
        private final Budget budget;
        private volatile long expiredAt;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Guard(KieSession session, Thread thread, Budget budget) {
            this.session = session;
            this.thread = thread;
            this.budget = budget;
        }

        /** Called between firings too, so that a chain of firings stops when its budget is spent, not the next scan. */
        boolean pastDeadline() {
            if (budget.spentBy(thread, System.nanoTime())) {
                expire();
            }
            return state.get() == TIMED_OUT;
        }

        private synchronized void expire() {
            if (state.compareAndSet(RUNNING, TIMED_OUT)) {
                expiredAt = System.nanoTime();
                session.halt();
                if (thread != Thread.currentThread()) {
                    thread.interrupt();
                }
            }
        }

        /** Ends the watch. @return whether the evaluation ran out of time */
        boolean finish() {
            running.remove(this);
            if (state.compareAndSet(RUNNING, DONE) || state.get() == DONE) {
                return false;
            }
            synchronized (this) {
                // The watchdog's interrupt was meant for this evaluation only: the thread goes on serving others.
                Thread.interrupted();
            }
            return true;
        }
    }
}
