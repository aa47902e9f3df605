package dev.pagerpolicy.api;

import dev.pagerpolicy.app.observe.MemoryPressure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the heap (after a collection) or direct memory is above {@value MemoryPressure#HIGH} of its
 * limit: such an instance is about to fail requests, so the load balancer should send them elsewhere until the
 * memory is freed (slow clients time out, large answers are sent). It is not a liveness failure: the process
 * recovers on its own.
 */
@Readiness
@ApplicationScoped
public class MemoryReadiness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("memory").up();
        for (Optional<MemoryPressure.Reading> reading : List.of(MemoryPressure.heapAfterCollection(),
                MemoryPressure.direct())) {
            reading.ifPresent(r -> {
                response.withData(r.name().replace(' ', '-'), r.toString());
                if (r.high()) {
                    response.down();
                }
            });
        }
        return response.build();
    }
}
