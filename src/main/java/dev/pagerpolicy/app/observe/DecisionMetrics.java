package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.decision.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of decisions: how many by action, role and fallback, how long each took, and which rules
 * fired. Meters are looked up once and cached: a decision only increments.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();

    @Inject
    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("pager.policy.decision.duration")
                .description("Time to decide one alert in the rules engine")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
    }

    public void record(Decision decision, List<String> firedRules, long tookNanos) {
        latency.record(tookNanos, TimeUnit.NANOSECONDS);
        String action = decision.action().wireName();
        String role = decision.target().role().wireName();
        String fallback = String.valueOf(decision.fallback());
        decisions.computeIfAbsent(action + '|' + role + '|' + fallback, key -> Counter.builder("pager.policy.decisions")
                .description("Decisions made, by action, target role and whether the fallback decided")
                .tag("action", action).tag("role", role).tag("fallback", fallback)
                .register(registry)).increment();
        for (String rule : firedRules) {
            firings.computeIfAbsent(rule, name -> Counter.builder("pager.policy.rule.firings")
                    .description("Rule firings, by rule name")
                    .tag("rule", name)
                    .register(registry)).increment();
        }
    }
}
