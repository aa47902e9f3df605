package dev.pagerpolicy.app;

import dev.pagerpolicy.analysis.WeekOfPages;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Who the active rule set can wake, when: its {@link WeekOfPages}, explored once per rule set, on one background
 * thread, when someone first asks; a reload starts the next. Asking never waits for it: until it is ready, there
 * is none. One thread, so that a person looking at the console takes at most one core from deciding.
 */
@ApplicationScoped
public class ExploredWeeks {
    private static final Logger LOG = Logger.getLogger(ExploredWeeks.class);

    @Inject
    ActiveRuleSet active;
    @Inject
    Evaluator evaluator;

    private final ExecutorService thread = BackgroundThread.lowPriority("pager-policy-explored-weeks");
    private RuleSet exploredSet;
    private CompletableFuture<Map<String, WeekOfPages.TeamWeek>> weeks;

    /** The weeks of the active rule set, when explored; empty while they are being explored (which this starts). */
    public Optional<Map<String, WeekOfPages.TeamWeek>> ofActive() {
        CompletableFuture<Map<String, WeekOfPages.TeamWeek>> active = of(this.active.get());
        return active.isDone() && !active.isCompletedExceptionally() ? Optional.of(active.join()) : Optional.empty();
    }

    /**
     * The weeks of {@code ruleSet}: those of the rule set explored last when it is the same (a candidate's review
     * reuses the active set's), else explored anew, replacing them.
     */
    public synchronized CompletableFuture<Map<String, WeekOfPages.TeamWeek>> of(RuleSet ruleSet) {
        if (ruleSet != exploredSet) {
            exploredSet = ruleSet;
            weeks = CompletableFuture.supplyAsync(() -> explore(ruleSet), thread);
        }
        return weeks;
    }

    /** The version whose weeks {@link #ofActive} gives or explores. */
    public synchronized String version() {
        return exploredSet == null ? active.get().version() : exploredSet.version();
    }

    private Map<String, WeekOfPages.TeamWeek> explore(RuleSet ruleSet) {
        long started = System.nanoTime();
        // The gate's evaluator: bounded by rule firings, so a busy machine changes no count.
        Map<String, WeekOfPages.TeamWeek> explored = WeekOfPages.of(new Explorer(evaluator.forGate(), 1), ruleSet,
                Domain.of(ruleSet, DomainSpec.NONE));
        LOG.infof("explored who rule set %s can wake, when, in %d ms", ruleSet.version(),
                (System.nanoTime() - started) / 1_000_000);
        return explored;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
