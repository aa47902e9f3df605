package dev.pagerpolicy.evaluate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.runtime.KieSession;

/**
 * Stops evaluations that run past their time limit. Registering an evaluation costs a set insertion, not a
 * timer: one daemon thread scans the running evaluations a few times per limit, and halts and interrupts
 * those past their deadline. That stops chains of firings and consequences that block or sleep; a
 * consequence spinning in plain Java code cannot be pre-empted by the JVM, which is one more reason rules
 * are reviewed like code.
 */
final class Watchdog {
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

    Guard watch(KieSession session, long deadlineNanos) {
        Guard guard = new Guard(session, Thread.currentThread(), deadlineNanos);
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
            if (guard.state.get() == TIMED_OUT && now - guard.deadlineNanos > graceNanos) {
                stuck++;
            }
        }
        return stuck;
    }

    private void scan() {
        while (true) {
            long now = System.nanoTime();
            for (Guard guard : running) {
                if (now - guard.deadlineNanos > 0) {
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
        final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Guard(KieSession session, Thread thread, long deadlineNanos) {
            this.session = session;
            this.thread = thread;
            this.deadlineNanos = deadlineNanos;
        }

        /** Called between firings too, so that a chain of firings stops at its deadline, not the next scan. */
        boolean pastDeadline() {
            if (System.nanoTime() - deadlineNanos > 0) {
                expire();
            }
            return state.get() == TIMED_OUT;
        }

        private synchronized void expire() {
            if (state.compareAndSet(RUNNING, TIMED_OUT)) {
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
