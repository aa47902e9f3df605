package dev.pagerpolicy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by asking again and again until a generous deadline: a busy machine only makes the wait
 * longer, never the verdict different.
 */
public final class Poll {
    /** Far longer than anything a test waits for takes even on a busy shared machine. */
    public static final Duration DEADLINE = Duration.ofMinutes(5);
    /** How long a wait sleeps between two asks: short beside what the tests wait for, long beside an ask. */
    public static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails, saying {@code what}, if it does not by the deadline. */
    public static void until(String what, BooleanSupplier condition) {
        forValue(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /**
     * The first value {@code probe} gives that is not null, asked again and again; fails, saying {@code what}, if it
     * gives none by the deadline.
     */
    public static <T> T forValue(String what, Supplier<T> probe) {
        return forValue(() -> what, probe);
    }

    /**
     * As {@link #forValue(String, Supplier)}, {@code what} read only when the deadline has passed: a description that
     * says what was seen by then (a program's log).
     */
    public static <T> T forValue(Supplier<String> what, Supplier<T> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T value = probe.get();
        while (value == null) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }

    /**
     * Whether {@code signals} gives a permit by the deadline: a wait for something another thread signals, which ends as
     * soon as it does. On a busy machine that thread may take long to run; only one that never signals fails the wait.
     */
    public static boolean signalled(Semaphore signals) throws InterruptedException {
        return signals.tryAcquire(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
