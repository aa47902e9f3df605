package dev.pagerpolicy.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's verdict does not depend on how fast the machine is: its scenarios and invariants are bounded by rule
 * firings, with a wall-clock guard far above any serving limit. A serving limit so short that every decision would
 * run out of time stands for the busiest machine: the shipped pack still passes its gate.
 */
class GateOnASlowMachineTest {
    @TempDir
    Path dir;

    @Test
    void aCorrectRuleSetPassesItsGateWhateverTheServingTimeLimit() throws Exception {
        Packs.copyShipped(dir);
        Evaluator serving = new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS, Duration.ofNanos(1));
        RuleSetVerifier verifier = new RuleSetVerifier(Packs.loader(), new ScenarioRunner(serving, Clock.systemUTC()),
                StandaloneValidator.get(), dir.resolve("rules"), dir.resolve("policies"));

        RuleSet verified = verifier.buildVerified();

        assertThat(verified.ruleNames()).hasSize(21);
    }

    @Test
    void theGateKeepsTheServingFiringLimit() {
        Evaluator serving = new Evaluator(7, Duration.ofNanos(1));
        assertThat(serving.forGate().maxRuleFirings()).isEqualTo(7);
        assertThat(serving.forGate().timeLimit()).isEqualTo(Evaluator.GATE_GUARD);
    }
}
