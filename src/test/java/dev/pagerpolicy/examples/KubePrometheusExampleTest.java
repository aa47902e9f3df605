package dev.pagerpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.InvariantGate;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.gate.ScenarioLoader;
import dev.pagerpolicy.gate.ScenarioResult;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * examples/kube-prometheus: kube-prometheus' own alerts, given as nothing but their real labels, are decided by the
 * example's rules through its input mappings, none by the fallback.
 */
class KubePrometheusExampleTest {
    private static final Path EXAMPLE = Path.of("examples/kube-prometheus");

    @Test
    void everyScenarioOfRealAlertLabelsPasses() throws Exception {
        RuleSet ruleSet = Packs.load(EXAMPLE.resolve("rules"), EXAMPLE.resolve("policies"));
        List<ScenarioResult> results = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC())
                .runAll(ruleSet, ScenarioLoader.load(EXAMPLE.resolve("scenarios"), StandaloneValidator.get()));

        assertThat(results).hasSize(16)
                .allSatisfy(result -> assertThat(result.passed()).as(result::failureLine).isTrue());
    }

    @Test
    void itsInvariantsHoldAndForbidIgnoringACriticalAlert(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        InvariantGate gate = new InvariantGate(Evaluator.withDefaults(), RuleCache.disabled());
        InvariantGate.Verdict held = gate.check(Packs.load(EXAMPLE.resolve("rules"), EXAMPLE.resolve("policies")),
                EXAMPLE.resolve("scenarios"));
        assertThat(held.results()).hasSize(2).allMatch(InvariantResult::holds);

        // A rule that ignores every alert of the monitoring stack, criticals included: the invariant catches it.
        Path rules = java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(rules.resolve("routing.drl"), java.nio.file.Files.readString(
                EXAMPLE.resolve("rules/routing.drl")).replace("label(\"alertname\") in (\"Watchdog\", \"InfoInhibitor\")",
                "service == \"monitoring\""));
        InvariantGate.Verdict broken = gate.check(Packs.load(rules, EXAMPLE.resolve("policies")),
                EXAMPLE.resolve("scenarios"));
        assertThat(broken.violated()).extracting(InvariantResult::name).contains("a critical alert is never ignored");
    }
}
