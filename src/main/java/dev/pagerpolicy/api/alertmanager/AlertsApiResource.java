package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.api.Problem;
import dev.pagerpolicy.api.ProblemType;
import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.app.AlertPath;
import dev.pagerpolicy.app.DecisionService;
import dev.pagerpolicy.app.EncodedDecision;
import dev.pagerpolicy.forward.PostableAlert;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v2/alerts}: Alertmanager's own API, so that Prometheus ({@code alerting.alertmanagers}) and
 * {@code amtool alert add} send to pager-policy as to an Alertmanager. Every alert is decided and goes on to the
 * configured Alertmanagers ({@link AlertPath}); an alert that cannot be read gets the fallback decision, never a
 * refusal of its batch. Answered 200 with no body, as Alertmanager answers; 503 with {@code Retry-After} when the
 * copies cannot be queued, so that the sender keeps the alerts.
 */
@Path("/api/v2/alerts")
@RolesAllowed(Roles.DECIDE)
public class AlertsApiResource {
    /** Seconds a sender waits before posting again alerts the forwarding queues could not take. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Prometheus sends at most 256 (its max_batch_size) at once; far more in one post is a mistake. */
    static final int MAX_ALERTS = 10_000;

    @Inject
    AlertMapping mapping;
    @Inject
    DecisionService decisions;
    @Inject
    AlertPath path;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alertmanager's API: decide alerts as Prometheus sends them, and forward each recipient's copy")
    public Response post(@NotNull(message = "a JSON array of alerts is required") @Size(max = MAX_ALERTS)
                         List<@NotNull PostedAlert> alerts) {
        List<PostableAlert> postable = alerts.stream().map(PostedAlert::postable).toList();
        if (path.receive(postable, (index, alert, key) -> decide(alerts.get(index), alert, key))) {
            return Response.ok().build();
        }
        return Response.fromResponse(Problem.response(ProblemType.FORWARD_QUEUE_FULL, "no Alertmanager can take"
                + " more alerts now; send them again")).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private EncodedDecision decide(PostedAlert posted, PostableAlert alert, String sameAlertKey) {
        List<String> problems = mapping.problems(posted);
        if (problems.isEmpty()) {
            return decisions.decide(mapping.input(alert), "the alert", sameAlertKey);
        }
        return decisions.fallback(alert.labels(), "the alert could not be read: " + String.join("; ", problems));
    }
}
