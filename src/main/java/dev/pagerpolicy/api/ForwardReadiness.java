package dev.pagerpolicy.api;

import dev.pagerpolicy.app.AlertPath;
import dev.pagerpolicy.forward.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "forward": for each Alertmanager the decided alerts go on to, the copies waiting for it and why the
 * last attempt failed, while it cannot be reached. DOWN only when no Alertmanager's queue has room: alerts posted then
 * are refused (503), and a replica whose queues have room should take them instead.
 */
@Readiness
@ApplicationScoped
public class ForwardReadiness implements HealthCheck {
    @Inject
    AlertPath path;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("forward");
        boolean room = path.outboxes().isEmpty();
        for (Outbox outbox : path.outboxes()) {
            String to = outbox.endpoint().toString();
            response.withData(to + " queued", outbox.depth() + " of " + outbox.capacity());
            if (outbox.lastFailure() != null) {
                response.withData(to + " failing", outbox.lastFailure());
            }
            room |= outbox.depth() < outbox.capacity();
        }
        if (path.outboxes().isEmpty()) {
            response.withData("alertmanagers", "none (pager-policy.forward.alertmanagers): alerts are decided, not forwarded");
        }
        return response.status(room).build();
    }
}
