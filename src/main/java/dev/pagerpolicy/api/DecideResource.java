package dev.pagerpolicy.api;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.app.DecisionService;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/** {@code POST /v1/decide}: one alert in, one escalation decision out. */
@Path("/v1/decide")
@RolesAllowed(Roles.DECIDE)
public class DecideResource {
    @Inject
    DecisionService decisions;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Decision decide(@NotNull(message = "a JSON object describing the alert is required") @Valid AlertInput request) {
        return decisions.decide(request.toAlert(clock));
    }
}
