package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-rule firing counters are opt-in, and never more than one per rule of the active rule set. */
class RuleFiringMetricsTest {
    private static final Decision PAGE = new Decision("d", null, new Target("platform-sre", Role.OPS), Action.PAGE,
            null, null, List.of(), List.of(), List.of(), List.of(), "v1", false, null);

    private static List<String> series(SimpleMeterRegistry registry) {
        return registry.find("pager.policy.rule.firings").counters().stream().map(c -> c.getId().getTag("rule"))
                .sorted().toList();
    }

    @Test
    void offByDefaultNoSeriesPerRule() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionMetrics metrics = new DecisionMetrics(registry, false);
        metrics.activeRules(List.of("Outages page"));
        metrics.record(PAGE, List.of("Outages page"), 1_000);
        assertThat(series(registry)).isEmpty();
        assertThat(registry.find("pager.policy.decisions").counter().count()).isEqualTo(1.0);
    }

    @Test
    void onOneSeriesPerRuleOfTheActiveSetAndRulesGoneTakeTheirSeriesWithThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionMetrics metrics = new DecisionMetrics(registry, true);
        metrics.activeRules(List.of("Outages page", "Drift tickets"));
        metrics.record(PAGE, List.of("Outages page", "Outages page"), 1_000);
        metrics.record(PAGE, List.of("Drift tickets"), 1_000);
        assertThat(series(registry)).containsExactly("Drift tickets", "Outages page");
        assertThat(registry.find("pager.policy.rule.firings").tag("rule", "Outages page").counter().count())
                .isEqualTo(2.0);

        // A reload renames a rule: its old series goes, and a decision of the old set still finishing adds none.
        metrics.activeRules(List.of("Outages page the on-call team", "Drift tickets"));
        metrics.record(PAGE, List.of("Outages page"), 1_000);
        metrics.record(PAGE, List.of("Outages page the on-call team"), 1_000);
        assertThat(series(registry)).containsExactly("Drift tickets", "Outages page the on-call team");
    }

    @Test
    void aThousandRulesFiringAtMostOneSeriesEach() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionMetrics metrics = new DecisionMetrics(registry, true);
        List<String> rules = IntStream.range(0, 1000).mapToObj(i -> "rule " + i).toList();
        metrics.activeRules(rules);
        for (int round = 0; round < 3; round++) {
            metrics.record(PAGE, rules, 1_000);
        }
        assertThat(series(registry)).hasSize(1000);
    }
}
