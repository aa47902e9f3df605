package dev.pagerpolicy.api;

import dev.pagerpolicy.app.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the alerts still firing are kept, and whether that works. Ready either way: without the store, alerts are
 * still decided (each saying it was decided without what is firing), and a replica that stops taking alerts would
 * drop more than it saves; {@code degraded} says why, for an operator's alert.
 */
@Readiness
@ApplicationScoped
public class CorrelationReadiness implements HealthCheck {
    @Inject
    Correlation correlation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("correlation").up()
                .withData("store", correlation.where());
        correlation.degraded().ifPresent(why -> response.withData("degraded", why));
        return response.build();
    }
}
