package dev.pagerpolicy.bench;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The HTTP ceiling for benchmarks: the same path through the server as {@code POST /v1/decide} (JSON
 * parsing, validation, security, serialisation of a decision-sized answer) with a fixed answer instead of a
 * decision. Only in the build of the {@code bench} Maven profile ({@code src/bench/java}), which bench/http.sh
 * makes into {@code target/bench/}: the production artifact has no such endpoint.
 */
@Path("/v1/benchmark/ceiling")
@RolesAllowed(Roles.DECIDE)
public class CeilingResource {
    @Inject
    ActiveRuleSet active;
    @Inject
    Evaluator evaluator;
    private volatile Decision fixed;

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Decision ceiling(@NotNull @Valid AlertInput alert) {
        Decision answer = fixed;
        if (answer == null) {
            // A real decision, made once: the answer has the size and shape of what /v1/decide returns.
            answer = evaluator.decide(active.get(), new Alert("ceiling", AlertKind.OUTAGE, Severity.CRITICAL,
                    "checkout-api", null, null, Instant.parse("2026-11-25T03:00:00Z"), null, null));
            fixed = answer;
        }
        return answer;
    }
}
