package dev.pagerpolicy.api;

import dev.pagerpolicy.app.observe.DecisionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the decision log cannot be written (its file deleted with its directory, replaced by something
 * else, or on a volume that stays full): the log is the audit trail, and decisions made meanwhile leave no trace, so
 * the load balancer should send alerts to a replica whose log works. Ready again as soon as a batch is written. The
 * lines dropped meanwhile are counted in {@code pager_policy_decision_log_dropped_total}.
 */
@Readiness
@ApplicationScoped
public class DecisionLogReadiness implements HealthCheck {
    @Inject
    DecisionLog log;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("decision-log").up()
                .withData("dropped", log.dropped());
        log.failure().ifPresent(why -> response.down().withData("failing", why));
        return response.build();
    }
}
