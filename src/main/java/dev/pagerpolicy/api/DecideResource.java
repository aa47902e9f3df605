package dev.pagerpolicy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.app.DecisionService;
import dev.pagerpolicy.app.DecisionThreads;
import dev.pagerpolicy.app.EncodedDecision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code POST /v1/decide}: one alert in, one escalation decision out; {@code /batch} for several at once. */
@Path("/v1/decide")
@RolesAllowed(Roles.DECIDE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DecideResource {
    /** Larger storms are sent as several batches; this bounds the work one request can ask for. */
    static final int MAX_BATCH = 100;

    @Inject
    DecisionThreads threads;
    @Inject
    DecisionService decisions;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;

    @POST
    @NonBlocking
    @Operation(summary = "Decide who holds the pager for one alert, and how urgently")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
        @ExampleObject(name = "outage of a tier-1 service at night", value = """
                {"id": "alert-42", "kind": "outage", "severity": "critical", "service": "checkout-api",
                 "firedAt": "2026-11-25T03:00:00Z"}"""),
        @ExampleObject(name = "drift of a continuously trained model", value = """
                {"kind": "model_drift", "severity": "high", "service": "fraud-scoring", "model": "fraud-detector",
                 "signals": {"driftScore": 0.41}}"""),
        @ExampleObject(name = "tier-3 outage on a Saturday", value = """
                {"kind": "outage", "severity": "high", "service": "churn-reports", "firedAt": "2026-11-28T03:00:00Z"}""")
    }))
    public CompletionStage<EncodedDecision> decide(
            @NotNull(message = "a JSON object describing the alert is required") @Valid AlertInput request) {
        // Off the event loop: a rule that never stops holds one decision thread, not every connection of a loop.
        return threads.run(() -> decisions.decide(request));
    }

    /** One entry per alert, in order: its decision, or the problem with that alert alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchEntry(int index, EncodedDecision decision, Problem error) {
    }

    public record BatchResult(List<BatchEntry> results) {
    }

    @POST
    @Path("batch")
    @Operation(summary = "Decide up to 100 alerts at once; a bad alert gets its own error, the others their decisions")
    public BatchResult decideBatch(
            @NotNull(message = "a JSON array of alerts is required")
            @Size(max = MAX_BATCH, message = "at most " + MAX_BATCH + " alerts per batch") List<JsonNode> alerts) {
        List<BatchEntry> results = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            results.add(decideOne(i, alerts.get(i)));
        }
        return new BatchResult(results);
    }

    private BatchEntry decideOne(int index, JsonNode node) {
        AlertInput input;
        try {
            input = node == null || !node.isObject() ? null : json.treeToValue(node, AlertInput.class);
        } catch (JsonMappingException e) {
            return invalid(index, List.of(FieldErrors.of(e)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return invalid(index, List.of(new Problem.FieldError(FieldErrors.BODY, "must be a JSON object")));
        }
        if (input == null) {
            return invalid(index, List.of(new Problem.FieldError(FieldErrors.BODY, "must be a JSON object")));
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            return invalid(index, FieldErrors.of(violations));
        }
        return new BatchEntry(index, decisions.decide(input), null);
    }

    private static BatchEntry invalid(int index, List<Problem.FieldError> errors) {
        ProblemType type = ProblemType.INVALID_REQUEST;
        return new BatchEntry(index, null, new Problem(type.uri(), type.title(), type.status(),
                "alert " + index + " is invalid", errors, List.of()));
    }
}
