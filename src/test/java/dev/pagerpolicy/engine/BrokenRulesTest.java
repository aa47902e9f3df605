package dev.pagerpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rules that misbehave at run time still give an answer: the fallback team pages, and the reason says why. */
class BrokenRulesTest {
    private static final Alert OUTAGE = new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null,
            null, Instant.parse("2026-11-25T03:00:00Z"), null, null);
    private final Evaluator evaluator = new Evaluator(100);

    private static Decision decideWith(String fixture, Evaluator evaluator) {
        RuleSet ruleSet = Packs.load(Path.of("src/test/resources/broken-rules", fixture), Packs.POLICIES);
        return evaluator.decide(ruleSet, OUTAGE);
    }

    private static void assertFallback(Decision decision, String reason) {
        assertThat(decision.fallback()).isTrue();
        assertThat(decision.action()).isEqualTo(Action.PAGE);
        assertThat(decision.target().team()).isEqualTo("platform-sre");
        assertThat(decision.reasons()).containsExactly(new Reason("fallback", reason));
    }

    @Test
    void aRuleThatThrowsGivesTheFallbackNamingTheRule() {
        assertFallback(decideWith("throws", evaluator), "a rule failed: rule \"Divides by zero\" threw"
                + " ArithmeticException: / by zero; the fallback team platform-sre is paged");
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

    @Test
    void theEngineKeepsDecidingAfterABrokenEvaluation() {
        decideWith("throws", evaluator);
        Decision healthy = evaluator.decide(Packs.shipped(), OUTAGE);
        assertThat(healthy.fallback()).isFalse();
        assertThat(healthy.target().team()).isEqualTo("platform-sre");
    }
}
