package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.testing.Packs;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario shipped in rules/tests/ runs as its own test, so the build checks the default pack. */
class ShippedScenariosTest {
    private static final RuleSet SHIPPED = Packs.shipped();
    private final ScenarioRunner runner = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC());

    private static List<Located<Scenario>> scenarios() throws Exception {
        return ScenarioLoader.load(Packs.RULES.resolve("tests"), StandaloneValidator.get());
    }

    @TestFactory
    Stream<DynamicTest> shippedScenarios() throws Exception {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.value().name() + " (" + scenario.file() + ":" + scenario.line() + ")", () -> {
                    ScenarioResult result = runner.run(SHIPPED, scenario);
                    assertThat(result.passed()).as(result::failureLine).isTrue();
                }));
    }

    @Test
    void shippedScenariosFireEveryShippedRule() throws Exception {
        Coverage coverage = Coverage.of(SHIPPED, runner.runAll(SHIPPED, scenarios()));
        assertThat(coverage.notFired()).isEmpty();
    }
}
