package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rules that misbehave at run time still give an answer: the fallback team pages, and the reason says why. */
class BrokenRulesTest {
    private static final Alert OUTAGE = new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null,
            null, Instant.parse("2026-11-25T03:00:00Z"), null, null);
    private final Evaluator evaluator = new Evaluator(100, Duration.ofMillis(300));

    private static Decision decideWith(String fixture, Evaluator evaluator) {
        RuleSet ruleSet = Packs.load(Path.of("src/test/resources/broken-rules", fixture), Packs.POLICIES);
        return evaluator.decide(ruleSet, OUTAGE);
    }

    private static void assertFallback(Decision decision, String reason) {
        assertThat(decision.fallback()).isTrue();
        assertThat(decision.action()).isEqualTo(Action.PAGE);
        assertThat(decision.target().team()).isEqualTo("platform-sre");
        assertThat(decision.reasons()).extracting(Reason::rule, Reason::explanation).containsExactly(tuple("fallback", reason));
    }

    @Test
    void aRuleThatThrowsGivesTheFallbackNamingTheRule() {
        assertFallback(decideWith("throws", evaluator), "a rule failed: rule \"Divides by zero\" threw"
                + " ArithmeticException: / by zero; the fallback team platform-sre is paged");
    }

    @Test
    void aRuleThatThrowsAnErrorGivesTheFallbackToo() {
        Decision decision = decideWith("recurses", evaluator);
        assertFallback(decision, "a rule failed: rule \"Recurses without end\" threw StackOverflowError;"
                + " the fallback team platform-sre is paged");
        assertThat(evaluator.decide(Packs.shipped(), OUTAGE).fallback()).as("the thread still decides").isFalse();
    }

    @Test
    void runningOutOfMemoryIsNotARuleFailureButTheProcess() {
        assertThatThrownBy(() -> decideWith("exhausts-memory", evaluator)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aRuleThatLoopsIsStoppedAtTheFiringLimit() {
        assertFallback(decideWith("loops", evaluator), "the rules fired 100 times without settling (a rule keeps"
                + " re-activating itself); the fallback team platform-sre is paged");
    }

    @Test
    void twoRulesRoutingDifferentlyAreAConflict() {
        Decision decision = decideWith("conflict", evaluator);
        assertThat(decision.fallback()).isTrue();
        assertThat(decision.reasons()).singleElement().extracting(Reason::explanation).asString()
                .startsWith("conflicting decisions: rule \"")
                .contains("already decided to");
    }

    private static Alert labelled(String mood) {
        return new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null,
                Instant.parse("2026-11-25T03:00:00Z"), java.util.Map.of("mood", mood), null);
    }

    @Test
    void rulesThatKeepWorkingAreStoppedAtTheTimeLimit() {
        RuleSet ruleSet = Packs.load(Path.of("src/test/resources/broken-rules/slow"), Packs.POLICIES);
        Evaluator generous = new Evaluator(1_000_000, Duration.ofMillis(300));
        long start = System.nanoTime();
        Decision decision = generous.decide(ruleSet, labelled("ponder"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertFallback(decision, "the rules took longer than the limit of 300 ms (last rule to fire: \"Ponders for"
                + " ever\"); the fallback team platform-sre is paged");
        assertThat(tookMillis).as("bounded by the limit plus one firing").isLessThan(2_000);
    }

    @Test
    void aConsequenceThatBlocksIsInterruptedAtTheTimeLimit() {
        RuleSet ruleSet = Packs.load(Path.of("src/test/resources/broken-rules/blocking"), Packs.POLICIES);
        long start = System.nanoTime();
        Decision decision = evaluator.decide(ruleSet, labelled("wait"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertFallback(decision, "the rules took longer than the limit of 300 ms (last rule to fire: \"Waits for"
                + " something slow\"); the fallback team platform-sre is paged");
        // A consequence that blocks uses no CPU: the clock stops it, at ten times the limit (3 s).
        assertThat(tookMillis).isLessThan(5_000);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not leak to the caller").isFalse();

        Decision next = evaluator.decide(ruleSet, labelled("calm"));
        assertThat(next.fallback()).as("the same rule set, and its pooled sessions, still decide").isFalse();
        assertThat(next.target().team()).isEqualTo("platform-sre");
    }

    @Test
    void theEngineKeepsDecidingAfterABrokenEvaluation() {
        decideWith("throws", evaluator);
        Decision healthy = evaluator.decide(Packs.shipped(), OUTAGE);
        assertThat(healthy.fallback()).isFalse();
        assertThat(healthy.target().team()).isEqualTo("platform-sre");
    }
}
