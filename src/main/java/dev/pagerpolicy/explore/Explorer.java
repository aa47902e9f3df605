package dev.pagerpolicy.explore;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.engine.Evaluation;
import dev.pagerpolicy.engine.Evaluator;
import dev.pagerpolicy.engine.RuleSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Evaluates a {@link Domain} through the same {@link Evaluator} the service decides with, one shape of alert at a
 * time and several shapes at once: each shape is evaluated whole and reduced to what a report needs before the
 * next, so memory stays bounded by the number of threads, not by the size of the domain.
 */
public final class Explorer {
    private final Evaluator evaluator;
    private final int threads;

    /** @param threads how many shapes are evaluated at once; the cores of the machine, at most */
    public Explorer(Evaluator evaluator, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.evaluator = evaluator;
        this.threads = threads;
    }

    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code task} for the index of every shape of the domain, in parallel; the results come back in the domain's order. */
    public <R> List<R> forEachShape(Domain domain, IntFunction<R> task) {
        int shapes = domain.shapes().size();
        if (threads == 1) {
            return IntStream.range(0, shapes).mapToObj(task).toList();
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> IntStream.range(0, shapes).parallel().mapToObj(task).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every evaluation of one shape, by severity and time of the week.
     *
     * @param severities which severities to evaluate; the others are left null
     */
    public Evaluation[][] evaluate(RuleSet ruleSet, Domain domain, AlertShape shape, Predicate<Severity> severities) {
        List<Severity> all = domain.severities();
        Evaluation[][] evaluations = new Evaluation[all.size()][];
        for (int s = 0; s < all.size(); s++) {
            if (!severities.test(all.get(s))) {
                continue;
            }
            Evaluation[] row = new Evaluation[domain.week().slots()];
            for (int slot = 0; slot < row.length; slot++) {
                row[slot] = evaluator.evaluate(ruleSet, shape.alert(all.get(s), domain.week().at(slot)));
            }
            evaluations[s] = row;
        }
        return evaluations;
    }

    public Evaluation[][] evaluate(RuleSet ruleSet, Domain domain, AlertShape shape) {
        return evaluate(ruleSet, domain, shape, severity -> true);
    }
}
