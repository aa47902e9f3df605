package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A decision's time limit counts what its thread does, not the time it waits for a core: on a busy machine no alert
 * falls to the fallback for want of CPU, and a rule that really runs away still does.
 */
class DecisionBudgetTest {
    private static final long LIMIT = TimeUnit.MILLISECONDS.toNanos(20);

    @Test
    void timeWaitedIsNotSpentButTimeWorkedIs() {
        Watchdog.Budget budget = new Watchdog.Budget(LIMIT);

        // Three limits later on the clock, the thread having done nothing: as a thread that waited for a core.
        assertThat(budget.spentBy(Thread.currentThread(), System.nanoTime() + 3 * LIMIT)).as("waited, did nothing")
                .isFalse();

        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long spun = 0;
        while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart <= LIMIT) {
            spun++; // a rule that runs away
        }
        assertThat(spun).isPositive();
        assertThat(budget.spentBy(Thread.currentThread(), System.nanoTime())).as("worked past the limit").isTrue();
    }

    @Test
    void aRuleThatBlocksIsStoppedByTheClockAtTheBackstop() {
        Watchdog.Budget budget = new Watchdog.Budget(LIMIT);

        assertThat(budget.spentBy(Thread.currentThread(), System.nanoTime() + LIMIT * Watchdog.Budget.BACKSTOP + 1))
                .isTrue();
    }
}
