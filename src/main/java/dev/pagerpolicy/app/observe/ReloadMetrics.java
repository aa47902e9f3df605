package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.app.FirstRuleSetActive;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics of reloads, so that a failed reload is visible on a dashboard and not only in a log: attempts by
 * result, whether the last one succeeded, when the last was tried and the last succeeded, and the active policy version as an info metric.
 */
@ApplicationScoped
public class ReloadMetrics {
    private final AtomicLong lastSuccess = new AtomicLong(1);
    private final AtomicLong lastAttemptEpochSeconds = new AtomicLong();
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private MultiGauge activeVersion;

    void register(@Observes StartupEvent event, MeterRegistry registry, Reloader reloader, ActiveRuleSet active,
                  DecisionMetrics decisionMetrics) {
        Gauge.builder("pager.policy.reload.last.success", lastSuccess, AtomicLong::get)
                .description("1 if the last reload succeeded (or none was tried), 0 if it failed")
                .register(registry);
        Gauge.builder("pager.policy.reload.last.attempt.timestamp.seconds", lastAttemptEpochSeconds, AtomicLong::get)
                .description("When the last reload was attempted (seconds since the epoch; 0: never)")
                .register(registry);
        Gauge.builder("pager.policy.reload.last.success.timestamp.seconds", lastSuccessEpochSeconds, AtomicLong::get)
                .description("When the rules and policies last loaded successfully, at start or on a reload"
                        + " (seconds since the epoch; 0 while the first rule set is being verified)")
                .register(registry);
        activeVersion = MultiGauge.builder("pager.policy.rule.set.info")
                .description("The active rule set; its version is the content hash decisions carry")
                .register(registry);
        reloader.onAttempt(attempt -> {
            Counter.builder("pager.policy.reload.attempts").description("Reload attempts, by result")
                    .tag("result", attempt.result()).register(registry).increment();
            lastSuccess.set(attempt.failed() ? 0 : 1);
            lastAttemptEpochSeconds.set(attempt.at().getEpochSecond());
            if (!attempt.failed()) {
                lastSuccessEpochSeconds.set(attempt.at().getEpochSecond());
                decisionMetrics.activeRules(active.get().ruleNames());
            }
            showVersion(active.get().version());
        });
    }

    /** As Alertmanager's config_last_reload_success_timestamp_seconds: the start's load counts as a success. */
    void firstActive(@Observes FirstRuleSetActive first, DecisionMetrics decisionMetrics) {
        decisionMetrics.activeRules(first.ruleSet().ruleNames());
        lastSuccessEpochSeconds.set(first.ruleSet().loadedAt().getEpochSecond());
        showVersion(first.ruleSet().version());
    }

    private void showVersion(String version) {
        activeVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }
}
