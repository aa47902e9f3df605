package dev.pagerpolicy.api;

import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.engine.ActiveRuleSet;
import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.reload.ReloadAttempt;
import dev.pagerpolicy.reload.Reloader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The active rule set, and reloading it from the files already on disk. No endpoint accepts rule text:
 * rules are code, and only the rules directory may hold them.
 */
@Path("/v1/ruleset")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    @Inject
    ActiveRuleSet active;
    @Inject
    Reloader reloader;

    /** The state an operator looks at: what decides now, and how the last reload went. */
    public record RuleSetState(String version, Instant loadedAt, int rules, List<String> warnings,
                               ReloadAttempt lastReload) {
    }

    @GET
    @RolesAllowed(Roles.DECIDE)
    public RuleSetState state() {
        RuleSet ruleSet = active.get();
        return new RuleSetState(ruleSet.version(), ruleSet.loadedAt(), ruleSet.ruleNames().size(), ruleSet.warnings(),
                reloader.lastAttempt().orElse(null));
    }

    /** 200 with the attempt when the new set is active (or unchanged); 422 with every problem when it is not. */
    @POST
    @Path("reload")
    @RolesAllowed(Roles.ADMIN)
    public Response reload() {
        ReloadAttempt attempt = reloader.reload("api");
        if (attempt.failed()) {
            return Problem.withProblems(ProblemType.RELOAD_FAILED, "rule set " + active.get().version()
                    + " stays active; " + attempt.problems().size() + " problem(s) in the files", attempt.problems());
        }
        return Response.ok(attempt).build();
    }
}
