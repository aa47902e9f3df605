package dev.pagerpolicy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by asking again and again until a generous deadline: a busy machine only makes the wait
 * longer, never the verdict different.
 */
public final class Poll {
    /** Far longer than anything a test waits for takes even on a busy shared machine. */
    public static final Duration DEADLINE = Duration.ofMinutes(5);

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails, saying {@code what}, if it does not by the deadline. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
