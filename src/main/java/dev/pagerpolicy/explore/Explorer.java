package dev.pagerpolicy.explore;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.CalendarReads;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.ServiceClasses;
import dev.pagerpolicy.domain.TimesAlike;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Evaluates a {@link Domain} through the same {@link Evaluator} the service decides with, one shape of alert at a
 * time and several shapes at once: each shape is evaluated whole and reduced to what a report needs before the
 * next, so memory stays bounded by the number of threads, not by the size of the domain.
 * <p>
 * Services the rules cannot tell apart ({@link ServiceClasses}) are evaluated once per class: a member's shape gets
 * the decisions of the same shape of its class's representative, evaluated when the first member asks and kept
 * until the last has had them. A failure (a rule that threw, looped or ran out of time) is evaluated again for the
 * member itself, so that what it reports is its own.
 * <p>
 * Likewise the times of the week that the calendars answer alike ({@link TimesAlike}), for rules that read time only
 * through them: a time gets the evaluation of the first time alike to it, unless that one failed or heard a
 * calendar echo the alert's own time ({@link CalendarReads}), and is then evaluated itself.
 */
public final class Explorer {
    private final Evaluator evaluator;
    private final int threads;
    private final Set<Reduction> reductions;
    private final Map<Scope, Shared> shared = new ConcurrentHashMap<>();
    private final Map<Scope, ServiceClasses> classes = new ConcurrentHashMap<>();
    private final Map<Scope, TimesAlike> times = new ConcurrentHashMap<>();
    private final Map<Scope, Runs> runs = new ConcurrentHashMap<>();
    /** Alerts whose rules may run past the guard in one exploration before the others are no longer run. */
    static final int MAX_PAST_THE_GUARD = 3;

    /** What may be evaluated once for many alerts. */
    public enum Reduction {
        /** Services the rules cannot tell apart ({@link ServiceClasses}). */
        SERVICES_ALIKE,
        /** Times the calendars answer alike ({@link TimesAlike}). */
        TIMES_ALIKE
    }

    /** @param threads how many shapes are evaluated at once; the cores of the machine, at most */
    public Explorer(Evaluator evaluator, int threads) {
        this(evaluator, threads, EnumSet.allOf(Reduction.class));
    }

    /** @param reductions what may be evaluated once for many: the tests compare each with its absence */
    public Explorer(Evaluator evaluator, int threads, Set<Reduction> reductions) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.evaluator = evaluator;
        this.threads = threads;
        this.reductions = Set.copyOf(reductions);
    }

    /** One exploration's rule set and domain, by identity: what evaluations may be shared within. */
    private record Scope(RuleSet ruleSet, Domain domain, AlertShape shape, List<Boolean> severities) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Scope that && ruleSet == that.ruleSet && domain == that.domain
                    && Objects.equals(shape, that.shape) && severities.equals(that.severities);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ruleSet) * 31 + System.identityHashCode(domain)
                    + (shape == null ? 0 : shape.hashCode() * 17) + severities.hashCode();
        }
    }

    /** How often one exploration ran the rules, and how many of its alerts ran past the guard. */
    private record Runs(LongAdder rules, AtomicInteger pastTheGuard) {
    }

    /** The representative's evaluations, computed by the first member to ask, dropped after the last. */
    private static final class Shared {
        private final Once<Evaluation[][]> rows = new Once<>();
        private final AtomicInteger awaited;

        Shared(int members) {
            this.awaited = new AtomicInteger(members);
        }

        /** The rows, for one member more. */
        Evaluation[][] rows(Supplier<Evaluation[][]> evaluate) {
            Evaluation[][] shared = rows.get(evaluate);
            awaited.decrementAndGet();
            return shared;
        }

        boolean done() {
            return awaited.get() <= 0;
        }
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
        Optional<AlertShape> ofClass = representative(ruleSet, domain, shape);
        if (ofClass.isEmpty()) {
            return evaluateAlone(ruleSet, domain, shape, severities);
        }
        AlertShape itsShape = ofClass.get();
        int members = classes(ruleSet, domain).membersOf(itsShape.service());
        Scope key = new Scope(ruleSet, domain, itsShape, domain.severities().stream().map(severities::test).toList());
        Shared rows = shared.computeIfAbsent(key, k -> new Shared(members));
        Evaluation[][] evaluations = rows.rows(() -> evaluateAlone(ruleSet, domain, itsShape, severities));
        if (rows.done()) {
            shared.remove(key, rows);
        }
        return shape.equals(itsShape) ? evaluations : ownFailures(evaluations, ruleSet, domain, shape);
    }

    /**
     * The same alert of the representative of the shape's class of services, whose decisions are the shape's; empty
     * when the shape is decided on its own (its service is alone in its class, or it concerns a model).
     */
    public Optional<AlertShape> representative(RuleSet ruleSet, Domain domain, AlertShape shape) {
        if (!reductions.contains(Reduction.SERVICES_ALIKE) || shape.model() != null) {
            return Optional.empty();
        }
        ServiceClasses classes = classes(ruleSet, domain);
        Service representative = classes.representativeOf(shape.service());
        return classes.membersOf(representative) == 1 ? Optional.empty()
                : Optional.of(shape.withService(representative));
    }

    private ServiceClasses classes(RuleSet ruleSet, Domain domain) {
        return classes.computeIfAbsent(new Scope(ruleSet, domain, null, List.of()), scope -> ServiceClasses.of(ruleSet));
    }

    /** The representative's evaluations for a member, but each failure evaluated again for the member itself. */
    private Evaluation[][] ownFailures(Evaluation[][] representative, RuleSet ruleSet, Domain domain, AlertShape shape) {
        Evaluation[][] own = new Evaluation[representative.length][];
        for (int s = 0; s < representative.length; s++) {
            if (representative[s] == null) {
                continue;
            }
            own[s] = representative[s].clone();
            for (int slot = 0; slot < own[s].length; slot++) {
                if (own[s][slot].fallback().isFailure()) {
                    own[s][slot] = evaluateAt(ruleSet, domain, shape, domain.severities().get(s), domain.week().at(slot));
                }
            }
        }
        return own;
    }

    /** One alert of a shape, by severity and time, evaluated on the calling thread. */
    public Evaluation evaluateOne(RuleSet ruleSet, Domain domain, AlertShape shape, int severity, int slot) {
        return evaluateAt(ruleSet, domain, shape, domain.severities().get(severity), domain.week().at(slot));
    }

    /** Every evaluation of one shape, made for it alone: for a caller that shares the result itself. */
    public Evaluation[][] evaluateAlone(RuleSet ruleSet, Domain domain, AlertShape shape, Predicate<Severity> severities) {
        List<Severity> all = domain.severities();
        Evaluation[][] evaluations = new Evaluation[all.size()][];
        for (int s = 0; s < all.size(); s++) {
            if (!severities.test(all.get(s))) {
                continue;
            }
            evaluations[s] = evaluateWeek(ruleSet, domain, shape, all.get(s));
        }
        return evaluations;
    }

    /**
     * One severity of a shape at every time of the week, each group of times alike evaluated once; and a time whose
     * calendars answer what an evaluation of this alert asked as they did then gets that evaluation, too.
     */
    private Evaluation[] evaluateWeek(RuleSet ruleSet, Domain domain, AlertShape shape, Severity severity) {
        TimesAlike alike = timesAlike(ruleSet, domain);
        Evaluation[] row = new Evaluation[domain.week().slots()];
        boolean[] shareable = new boolean[row.length];
        List<AnsweredAlike> asked = new ArrayList<>();
        for (int slot = 0; slot < row.length; slot++) {
            int first = alike.firstAlike(slot);
            if (first != slot && shareable[first]) {
                row[slot] = row[first];
                continue;
            }
            Evaluation same = sameAnswers(asked, alike, slot);
            if (same != null) {
                row[slot] = same;
                shareable[slot] = true;
                continue;
            }
            CalendarReads.record();
            CalendarReads.Recording heard;
            try {
                row[slot] = evaluateAt(ruleSet, domain, shape, severity, domain.week().at(slot));
            } finally {
                heard = CalendarReads.stop();
            }
            shareable[slot] = !row[slot].fallback().isFailure() && !heard.echoed();
            if (shareable[slot]) {
                Evaluation evaluation = row[slot];
                int at = slot;
                alike.questions(heard.reads()).ifPresent(questions ->
                        asked.add(new AnsweredAlike(questions, alike.answers(at, questions), evaluation)));
            }
        }
        return row;
    }

    /** An evaluation, with the questions it asked the calendars and their answers then. */
    private record AnsweredAlike(int[] questions, Object[] answers, Evaluation evaluation) {
    }

    /** The evaluation of an earlier time whose questions the calendars answer alike at {@code slot}, or null. */
    private static Evaluation sameAnswers(List<AnsweredAlike> asked, TimesAlike alike, int slot) {
        for (AnsweredAlike earlier : asked) {
            if (alike.answersAlike(slot, earlier.questions(), earlier.answers())) {
                return earlier.evaluation();
            }
        }
        return null;
    }

    /** Which times of the domain's week the rule set decides alike; each only itself without {@code TIMES_ALIKE}. */
    public TimesAlike timesAlike(RuleSet ruleSet, Domain domain) {
        return times.computeIfAbsent(new Scope(ruleSet, domain, null, List.of()),
                scope -> reductions.contains(Reduction.TIMES_ALIKE) && ruleSet.timeOnlyThroughCalendars()
                        ? TimesAlike.of(ruleSet.catalog(), domain.week()) : TimesAlike.none(domain.week()));
    }

    /**
     * The shape's alert of that severity at that time, with what the shape says is firing then; not run once the
     * rules ran past the guard {@value #MAX_PAST_THE_GUARD} times in this exploration (counted as timed out, so as
     * inconclusive by the invariants): rules that hang may hold a thread for the guard's whole length each time, and
     * a gate over thousands of such alerts would never end.
     */
    private Evaluation evaluateAt(RuleSet ruleSet, Domain domain, AlertShape shape, Severity severity, Instant at) {
        Runs runs = runsOf(ruleSet, domain);
        if (runs.pastTheGuard().get() >= MAX_PAST_THE_GUARD) {
            return evaluator.notRun(ruleSet, shape.alert(severity, at), "not run: the rules ran past the time guard"
                    + " for " + MAX_PAST_THE_GUARD + " alerts of this exploration already");
        }
        runs.rules().increment();
        Evaluation evaluation = evaluator.evaluate(ruleSet, shape.alert(severity, at), null, shape.firingAt(at));
        if (evaluation.fallback() == Evaluation.Fallback.TIMED_OUT) {
            runs.pastTheGuard().incrementAndGet();
        }
        return evaluation;
    }

    private Runs runsOf(RuleSet ruleSet, Domain domain) {
        return runs.computeIfAbsent(new Scope(ruleSet, domain, null, List.of()),
                scope -> new Runs(new LongAdder(), new AtomicInteger()));
    }

    /**
     * How many alerts of the domain this explorer ran the rules for, so far: the others got the decision of an alert
     * the rules cannot tell from them (a service alike, a time alike).
     */
    public long rulesRun(RuleSet ruleSet, Domain domain) {
        return runsOf(ruleSet, domain).rules().sum();
    }

    public Evaluation[][] evaluate(RuleSet ruleSet, Domain domain, AlertShape shape) {
        return evaluate(ruleSet, domain, shape, severity -> true);
    }
}
