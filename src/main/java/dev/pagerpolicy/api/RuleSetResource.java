package dev.pagerpolicy.api;

import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.reload.PendingReload;
import dev.pagerpolicy.reload.ReloadAttempt;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

    /** The state an operator looks at: what decides now, how the last reload went, and one still to come. */
    public record RuleSetState(String version, Instant loadedAt, int rules, List<String> warnings,
                               ReloadAttempt lastReload, PendingReload pendingReload) {
    }

    @GET
    @RolesAllowed(Roles.DECIDE)
    public RuleSetState state() {
        RuleSet ruleSet = active.get();
        return new RuleSetState(ruleSet.version(), ruleSet.loadedAt(), ruleSet.ruleNames().size(), ruleSet.warnings(),
                reloader.lastAttempt().orElse(null), reloader.pending().orElse(null));
    }

    /**
     * 202 with the reload asked for ({@code queued} or {@code running}), whose outcome {@code GET /v1/ruleset} shows
     * as {@code lastReload} of the same id. With {@code wait=true}: 200 with the attempt when the new set is active
     * (or unchanged), 422 with every problem when it is not, once the gate has run.
     */
    @POST
    @Path("reload")
    @RolesAllowed(Roles.ADMIN)
    public Response reload(@QueryParam("wait") Boolean wait) {
        PendingReload pending = reloader.request("api");
        if (!Boolean.TRUE.equals(wait)) {
            return Response.accepted(pending).location(URI.create("/v1/ruleset")).build();
        }
        ReloadAttempt attempt = pending.outcome().join();
        if (attempt.failed()) {
            return Problem.withProblems(ProblemType.RELOAD_FAILED, "rule set " + active.get().version()
                    + " stays active; " + attempt.problems().size() + " problem(s) in the files", attempt.problems());
        }
        return Response.ok(attempt).build();
    }
}
