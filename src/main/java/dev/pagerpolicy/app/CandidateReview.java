package dev.pagerpolicy.app;

import dev.pagerpolicy.analysis.DiffReport;
import dev.pagerpolicy.analysis.RuleSetDiff;
import dev.pagerpolicy.analysis.WeekOfPages;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A candidate rule set an admin names by its directories, compared with the active one without ever deciding:
 * compiled, then diffed over every alert the policies allow, and explored for who it would wake, when. One review
 * at a time, on one background thread of low priority; a new one replaces the last.
 */
@ApplicationScoped
public class CandidateReview {
    @Inject
    RuleSetVerifier verifier;
    @Inject
    ActiveRuleSet active;
    @Inject
    Evaluator evaluator;
    @Inject
    ExploredWeeks explored;

    /** Where a review stands: running, failed with the candidate's problems, or done. */
    public record State(String rulesDir, String policiesDir, String status, List<String> problems, RuleSet candidate,
                        DiffReport diff, Map<String, WeekOfPages.TeamWeek> weeks,
                        Map<String, WeekOfPages.TeamWeek> activeWeeks, String activeVersion) {
        public boolean running() {
            return status.equals("running");
        }

        public boolean done() {
            return status.equals("done");
        }

        /** "597ec53a8311 → c0b0b39422fe: 13,572 of 767,200 classes of alerts decided differently", once done. */
        public String summary() {
            return diff == null ? "" : String.format("%s → %s: %,d of %,d classes of alerts decided differently",
                    activeVersion, candidate.version(), diff.changed(), diff.compared());
        }
    }

    private final ExecutorService thread = BackgroundThread.lowPriority("pager-policy-candidate-review");
    private volatile State state;
    private Future<?> running;

    public Optional<State> state() {
        return Optional.ofNullable(state);
    }

    /** The candidate's rule set, once compiled and compared: what the console tries an alert under too. */
    public Optional<RuleSet> candidate() {
        State now = state;
        return now != null && now.done() ? Optional.of(now.candidate()) : Optional.empty();
    }

    public synchronized void start(Path rulesDir, Path policiesDir) {
        if (running != null) {
            running.cancel(true);
        }
        RuleSet base = active.get();
        state = new State(rulesDir.toString(), policiesDir.toString(), "running", List.of(), null, null, null,
                null, base.version());
        running = thread.submit(() -> review(base, rulesDir, policiesDir));
    }

    private void review(RuleSet base, Path rulesDir, Path policiesDir) {
        RuleSet candidate;
        try {
            candidate = verifier.compileCandidate(rulesDir, policiesDir);
        } catch (InvalidSourceException e) {
            state = new State(rulesDir.toString(), policiesDir.toString(), "failed",
                    e.problems().stream().map(Object::toString).toList(), null, null, null, null, base.version());
            return;
        } catch (RuntimeException e) {
            state = new State(rulesDir.toString(), policiesDir.toString(), "failed",
                    List.of(rulesDir + ": " + e.getMessage()), null, null, null, null, base.version());
            return;
        }
        // The gate's evaluator: bounded by rule firings, so a busy machine changes no count.
        Explorer explorer = new Explorer(evaluator.forGate(), 1);
        DiffReport diff = new RuleSetDiff(explorer).run(base, candidate, DomainSpec.NONE);
        Map<String, WeekOfPages.TeamWeek> weeks = WeekOfPages.of(explorer, candidate,
                Domain.of(candidate, DomainSpec.NONE));
        // The active set's weeks are those the console shows already, when it has explored them: not explored twice.
        Map<String, WeekOfPages.TeamWeek> activeWeeks = explored.of(base).join();
        state = new State(rulesDir.toString(), policiesDir.toString(), "done", List.of(), candidate, diff, weeks,
                activeWeeks, base.version());
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
