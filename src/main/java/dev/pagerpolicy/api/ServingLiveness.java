package dev.pagerpolicy.api;

import dev.pagerpolicy.app.ServingHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive until the process ran out of memory while serving; then DOWN, saying why, so that it is restarted. */
@Liveness
@ApplicationScoped
public class ServingLiveness implements HealthCheck {
    @Inject
    ServingHealth health;

    @Override
    public HealthCheckResponse call() {
        return health.fatal()
                .map(reason -> HealthCheckResponse.named("serving").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("serving"));
    }
}
