package dev.pagerpolicy.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a request into a problem+json answer. Client mistakes are answered without logging
 * a stack trace (they are not the service's fault); only an unexpected exception is logged, once.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    // Quarkus ships mappers for ResteasyReactiveViolationException and MismatchedInputException; a mapper is
    // chosen by the closest exception type, so these two exact types are claimed here and delegate.
    @ServerExceptionMapper(priority = 1)
    public Response invalidFields(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = FieldErrors.of(e.getConstraintViolations());
        return Problem.response(ProblemType.INVALID_REQUEST, errors.size() == 1
                ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonParseException e) {
        return Problem.response(ProblemType.MALFORMED_JSON, "the body is not valid JSON: " + e.getOriginalMessage()
                .lines().findFirst().orElse(""));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e) {
        Problem.FieldError error = FieldErrors.of(e);
        return error.field().equals(FieldErrors.BODY)
                ? Problem.response(ProblemType.INVALID_REQUEST, "the body must be a JSON object describing the alert",
                        List.of(error))
                : Problem.invalidField(error);
    }

    @ServerExceptionMapper(priority = 1)
    public Response otherJson(JsonProcessingException e) {
        return Problem.response(ProblemType.MALFORMED_JSON, "the body is not valid JSON");
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e) {
        return challenge(Problem.response(ProblemType.UNAUTHORIZED, "send Authorization: Bearer KEY with a key that"
                + " grants this operation"));
    }

    @ServerExceptionMapper(priority = 1)
    public Response badCredential(AuthenticationFailedException e) {
        return challenge(Problem.response(ProblemType.UNAUTHORIZED, "the bearer key is not valid"));
    }

    private static Response challenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.response(ProblemType.FORBIDDEN, "the key is valid but does not grant this operation");
    }

    @ServerExceptionMapper(priority = 1)
    public Response notFound(NotFoundException e) {
        // Resources say what was not found; the router's own 404 carries a generic message.
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP 404") ? e.getMessage()
                : "no resource at this path";
        return Problem.response(ProblemType.NOT_FOUND, detail);
    }

    @ServerExceptionMapper(priority = 1)
    public Response notAllowed(NotAllowedException e) {
        Response response = Problem.response(ProblemType.METHOD_NOT_ALLOWED, "this path does not accept this method");
        var allowed = e.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? response : Response.fromResponse(response).allow(allowed).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unsupported(NotSupportedException e) {
        return Problem.response(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    @ServerExceptionMapper(priority = 1)
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.response(ProblemType.NOT_ACCEPTABLE, "answers are application/json");
    }

    /** Every decision thread busy and the queue full: the caller sends the alert again (Alertmanager does). */
    @ServerExceptionMapper(priority = 1)
    public Response busy(java.util.concurrent.RejectedExecutionException e) {
        return Response.fromResponse(Problem.response(ProblemType.BUSY, "send the alert again in a second"))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper(priority = 2)
    public Response webApplication(WebApplicationException e) {
        // The JSON reader reports a body it cannot bind as a 400 wrapping Jackson's exception.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return Problem.response(ProblemType.PAYLOAD_TOO_LARGE, "the body is over the limit");
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return Problem.response(ProblemType.INVALID_REQUEST, e.getMessage());
    }

    /**
     * A body that could not be read or an answer that could not be written: the client hung up or stalled. It
     * is not the service's failure, so it is no ERROR with a stack trace; the answer reaches the client only if
     * it is still there to read it.
     */
    @ServerExceptionMapper(priority = 2)
    public Response connectionLost(IOException e) {
        LOG.debugf("a client's connection failed while answering it: %s", e.getMessage());
        return Problem.response(ProblemType.INVALID_REQUEST, "the request could not be read to its end");
    }

    @ServerExceptionMapper(priority = 3)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure while answering a request", e);
        return Problem.response(ProblemType.INTERNAL, "the service failed unexpectedly; the failure is logged");
    }
}
