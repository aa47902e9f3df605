package dev.pagerpolicy.bench;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision through the engine, no HTTP: the shipped pack, the shipped pack plus 1,000 rules, plus 10,000
 * catalog services, and a rule base with no rules (the floor of a session). Run with bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionBenchmark {

    @Param({"shipped", "rules-1000", "services-10000", "no-rules"})
    public String pack;

    private RuleSet ruleSet;
    /** As the service decides: each routed decision is also searched for a routing conflict. */
    private final Evaluator evaluator = Evaluator.withDefaults();
    private final Evaluator withoutConflictSearch = new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS,
            Evaluator.DEFAULT_TIME_LIMIT, false);
    /** A mix of the alerts the shipped pack routes differently; cycled so that no single path is measured. */
    private final Alert[] alerts = {
        alert(AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null),
        alert(AlertKind.MODEL_DRIFT, Severity.HIGH, "fraud-scoring", "fraud-detector"),
        alert(AlertKind.OUTAGE, Severity.HIGH, "churn-reports", null),
        alert(AlertKind.MODEL_PERFORMANCE, Severity.CRITICAL, "recommendations", "product-recs"),
    };
    private int next;

    private static Alert alert(AlertKind kind, Severity severity, String service, String model) {
        return new Alert("bench", kind, severity, service, model, null, Instant.parse("2026-11-28T03:00:00Z"), null, null);
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        BenchLogging.quiet();
        Path dir = switch (pack) {
            case "shipped" -> Path.of(".");
            case "rules-1000" -> SyntheticPacks.withExtraRules(1000);
            case "services-10000" -> SyntheticPacks.withExtraServices(10_000);
            case "no-rules" -> SyntheticPacks.withNoRules();
            default -> throw new IllegalArgumentException(pack);
        };
        ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    @Benchmark
    public Decision decide() {
        Alert alert = alerts[next++ & 3];
        return evaluator.decide(ruleSet, alert);
    }

    /** With pager-policy.search-conflicts-per-decision=false: what the conflict search costs. */
    @Benchmark
    public Decision decideWithoutConflictSearch() {
        Alert alert = alerts[next++ & 3];
        return withoutConflictSearch.decide(ruleSet, alert);
    }
}
