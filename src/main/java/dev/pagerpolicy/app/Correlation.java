package dev.pagerpolicy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Effect;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.firing.Correlator;
import dev.pagerpolicy.firing.FiringAlerts;
import dev.pagerpolicy.firing.FiringAlertsUnavailable;
import dev.pagerpolicy.firing.InMemoryFiringAlerts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What is already firing, for each decision: the alerts still firing of the alert's service and of every service it
 * depends on are read before the rules run, and the decided alert is kept as firing after. When the store cannot be
 * reached, decisions go on without it and say so in a reason; nothing waits for it and nothing is dropped.
 */
@ApplicationScoped
public class Correlation {
    /** The author of the reason that says the alerts still firing could not be read. */
    public static final String REASON_RULE = "correlation";
    private static final Logger LOG = Logger.getLogger(Correlation.class);
    /** How often alerts whose time is up are swept from the store, read or not. */
    static final int SWEEP_SECONDS = 30;
    private final Correlator correlator;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pager-policy-firing-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String failure;

    @Inject
    Correlation(PagerPolicyConfig config, Instance<RedisDataSource> redis, ObjectMapper json,
                @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> redisHosts, MeterRegistry registry,
                Clock clock) {
        this(store(config, redis, json, redisHosts), config.correlation().resolveTimeout());
        // Alerts of services never read again (a flood of made-up names) would otherwise stay until evicted.
        sweeper.scheduleWithFixedDelay(() -> correlator.sweep(clock.instant()), SWEEP_SECONDS, SWEEP_SECONDS,
                TimeUnit.SECONDS);
        FunctionCounter.builder("pager.policy.correlation.evicted", correlator, Correlator::evicted)
                .description("Alerts still firing forgotten before their time to keep the store within its bounds")
                .register(registry);
        FunctionCounter.builder("pager.policy.correlation.skipped", correlator, Correlator::skipped)
                .description("Values under the store's keys that were not alerts it wrote (another program's,"
                        + " truncated, too large, another type): skipped")
                .register(registry);
    }

    Correlation(FiringAlerts store, Duration resolveTimeout) {
        this.correlator = new Correlator(store, resolveTimeout);
    }

    private static FiringAlerts store(PagerPolicyConfig config, Instance<RedisDataSource> redis, ObjectMapper json,
                                      Optional<String> redisHosts) {
        return switch (config.correlation().store()) {
            case "none" -> FiringAlerts.NONE;
            case "memory" -> new InMemoryFiringAlerts();
            case "redis" -> {
                if (redisHosts.isEmpty()) {
                    throw RefusedToStartException.misconfigured("pager-policy.correlation.store=redis needs"
                            + " quarkus.redis.hosts, e.g. redis://redis:6379");
                }
                yield new RedisFiringAlerts(redis.get(), json, config.correlation().resolveTimeout(),
                        "Redis at " + redisHosts.get());
            }
            default -> throw RefusedToStartException.misconfigured("pager-policy.correlation.store: \""
                    + config.correlation().store() + "\" is not memory, redis or none");
        };
    }

    /** The alerts still firing that concern {@code alert}, or why they could not be read. */
    public record Lookup(List<FiringAlert> firing, Optional<Reason> unavailable) {
        public static final Lookup NOTHING = new Lookup(List.of(), Optional.empty());
    }

    /** The alerts still firing of the alert's service and its upstream services, but the alert itself. */
    public Lookup firingFor(Catalog catalog, Alert alert, String key, Instant now) {
        try {
            List<FiringAlert> firing = correlator.firingFor(catalog, alert, key, now);
            recovered();
            return new Lookup(firing, Optional.empty());
        } catch (FiringAlertsUnavailable e) {
            failed(e);
            return new Lookup(List.of(), Optional.of(new Reason(REASON_RULE, Effect.READ, null, "the alerts still"
                    + " firing could not be read (" + e.getMessage() + "): decided without them")));
        }
    }

    /**
     * Keeps the decided alert as firing until {@code endsAt}, or a resolve timeout from now, when its decision paged
     * someone; the key is what makes it the same alert when sent again, or its decision id when nothing does.
     */
    public void firing(Catalog catalog, Alert alert, Decision decision, String key, Instant endsAt, Instant now) {
        try {
            correlator.firing(catalog, alert, decision, key, endsAt, now);
            recovered();
        } catch (FiringAlertsUnavailable e) {
            failed(e);
        }
    }

    /** Forgets the alert of {@code key}: it stopped firing. */
    public void resolved(String key) {
        try {
            correlator.resolved(key);
            recovered();
        } catch (FiringAlertsUnavailable e) {
            failed(e);
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /** Where firing alerts are kept. */
    public String where() {
        return correlator.where();
    }

    /** Why the last use of the store failed, while no later one succeeded. */
    public Optional<String> degraded() {
        return Optional.ofNullable(failure);
    }

    private void failed(FiringAlertsUnavailable e) {
        if (failure == null) {
            LOG.warnf("alerts still firing cannot be kept or read (%s): decisions go on without them", e.getMessage());
        }
        failure = e.getMessage();
    }

    private void recovered() {
        if (failure != null) {
            LOG.infof("alerts still firing are kept %s again", correlator.where());
            failure = null;
        }
    }
}
