package dev.pagerpolicy.api;

import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.observe.DecisionRecord;
import dev.pagerpolicy.app.observe.RecentDecisions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Recent decisions with their alert and every rule that fired: "why was I paged?" without a log search.
 * Served from a bounded in-memory buffer of this instance, which keeps each decision as the JSON of its
 * decision-log line; the decision log is the durable record.
 */
@Path("/v1/decisions")
@RolesAllowed(Roles.DECIDE)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {
    @Inject
    RecentDecisions recent;
    @Inject
    PagerPolicyConfig config;

    @GET
    @Path("{decisionId}")
    @APIResponse(responseCode = "200", description = "The decision, as its decision-log line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionRecord.class)))
    public byte[] byId(@PathParam("decisionId") String decisionId) {
        return recent.find(decisionId).orElseThrow(() -> new NotFoundException(
                "decision \"" + decisionId + "\" is not among the recent decisions of this instance"));
    }

    /** The newest decisions first, as many as {@code limit} asks for and the response budget allows. */
    @GET
    @APIResponse(responseCode = "200", description = "The newest decisions first, each as its decision-log line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DecisionRecord.class)))
    public byte[] newest(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(1000) int limit) {
        return recent.newest(limit, config.recentDecisions().maxResponseBytes().asLongValue());
    }
}
