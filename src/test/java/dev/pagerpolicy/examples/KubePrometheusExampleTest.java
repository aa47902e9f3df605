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
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.decision.Decision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * Every alert of kube-prometheus-stack's default rules (stack-alerts.txt), read from its labels alone, at each of
     * its severities: decided by a rule, never the fallback, and only an application's alerts reach the application team.
     */
    @Test
    void everyAlertOfTheStacksRulesIsDecidedAndOnlyApplicationsReachTheApplicationTeam() throws Exception {
        RuleSet ruleSet = Packs.load(EXAMPLE.resolve("rules"), EXAMPLE.resolve("policies"));
        Instant night = Instant.parse("2026-11-25T03:00:00Z");
        List<String> wrong = new ArrayList<>();
        int decided = 0;
        for (String line : java.nio.file.Files.readAllLines(EXAMPLE.resolve("stack-alerts.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            String name = fields[0];
            String where = fields[1];
            for (String severity : List.of("critical", "warning", "info")) {
                Map<String, String> labels = new HashMap<>(Map.of("alertname", name, "severity", severity));
                switch (where) {
                    case "app" -> labels.put("namespace", "shop");
                    case "monitoring", "kube-system" -> labels.put("namespace", where);
                    default -> { } // cluster-wide: no namespace
                }
                InputReader.Read read = InputReader.read(AlertInput.ofLabels(null, night, labels),
                        ruleSet.catalog().inputs(), LabelNames.DEFAULT, night);
                Decision decision = Evaluator.withDefaults().evaluate(ruleSet, read.alert(), read.unreadCause("the alert"))
                        .decision();
                decided++;
                String team = decision.target().team();
                String expected = where.equals("app") ? "apps-dev" : "platform-sre";
                if (decision.fallback() || !team.equals(expected)) {
                    wrong.add(labels + ": " + decision.action().wireName() + " " + team
                            + (decision.fallback() ? " (fallback)" : "") + ", expected " + expected);
                }
            }
        }
        assertThat(decided).isGreaterThan(300);
        assertThat(wrong).isEmpty();
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
