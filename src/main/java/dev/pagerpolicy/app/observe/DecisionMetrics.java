package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.decision.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of decisions: how many by action, role and fallback, and how long each took; and, when asked
 * for ({@code pager-policy.metrics.rule-firings}), which rules fired. Meters are looked up once and cached: a decision
 * only increments.
 *
 * <p>Per-rule counters are one series per rule, so they are off by default: a pack of 1,000 rules is 1,000 series.
 * When on, only rules of the active rule set are counted, and a reload removes the series of rules it dropped or
 * renamed, so that the count of series never exceeds the count of rules.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final boolean perRuleFirings;
    private final Timer latency;
    private final Counter resent;
    private final Counter truncated;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> firings = new ConcurrentHashMap<>();
    private volatile Set<String> activeRules = Set.of();

    @Inject
    public DecisionMetrics(MeterRegistry registry, PagerPolicyConfig config) {
        this(registry, config.metrics().ruleFirings());
    }

    DecisionMetrics(MeterRegistry registry, boolean perRuleFirings) {
        this.registry = registry;
        this.perRuleFirings = perRuleFirings;
        this.latency = Timer.builder("pager.policy.decision.duration")
                .description("Time to decide one alert in the rules engine")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
        this.truncated = Counter.builder("pager.policy.alertmanager.truncated.alerts")
                .description("Alerts Alertmanager left out of its webhook notifications (max_alerts): never received")
                .register(registry);
        this.resent = Counter.builder("pager.policy.alerts.resent")
                .description("Alerts decided again that were decided before (same decision id): resends, retries,"
                        + " repeat intervals; not in pager_policy_decisions_total")
                .register(registry);
    }

    /** The rules of the rule set now deciding: only they are counted, and the series of any other go. */
    public synchronized void activeRules(Collection<String> ruleNames) {
        activeRules = Set.copyOf(ruleNames);
        firings.keySet().removeIf(rule -> {
            if (activeRules.contains(rule)) {
                return false;
            }
            registry.remove(firings.get(rule));
            return true;
        });
    }

    /** Alerts Alertmanager said it left out of a notification: they never reach pager-policy. */
    public void truncated(int alerts) {
        truncated.increment(alerts);
    }

    /** An alert decided again (a resend): its time is measured, it is not a new decision. */
    public void resent(long tookNanos) {
        latency.record(tookNanos, TimeUnit.NANOSECONDS);
        resent.increment();
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
        if (!perRuleFirings) {
            return;
        }
        Set<String> counted = activeRules;
        for (String rule : firedRules) {
            if (counted.contains(rule)) { // a decision of the set just replaced adds no series back
                firings.computeIfAbsent(rule, name -> Counter.builder("pager.policy.rule.firings")
                        .description("Rule firings, by rule name (pager-policy.metrics.rule-firings)")
                        .tag("rule", name)
                        .register(registry)).increment();
            }
        }
    }
}
