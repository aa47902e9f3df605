package dev.pagerpolicy.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a request into a problem+json answer. Client mistakes are answered without logging
 * a stack trace (they are not the service's fault); only an unexpected exception is logged, once.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response invalidFields(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
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
        String field = FieldPaths.of(e);
        if (field.isEmpty()) {
            return Problem.response(ProblemType.INVALID_REQUEST, "the body must be a JSON object describing the alert",
                    List.of(new Problem.FieldError("body", "must be a JSON object")));
        }
        String message = JsonMessages.describe(e);
        return Problem.response(ProblemType.INVALID_REQUEST, "field \"" + field + "\": " + message,
                List.of(new Problem.FieldError(field, message)));
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
        return Problem.response(ProblemType.NOT_FOUND, "no resource at this path");
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

    @ServerExceptionMapper(priority = 3)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure while answering a request", e);
        return Problem.response(ProblemType.INTERNAL, "the service failed unexpectedly; the failure is logged");
    }

    /** Names fields by the JSON names the caller sent, e.g. {@code labels[team]}, never by Java method paths. */
    static final class FieldPaths {
        private FieldPaths() {
        }

        static String of(ConstraintViolation<?> violation) {
            StringBuilder field = new StringBuilder();
            int depth = 0;
            for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                depth++;
                // The first two nodes are the resource method and its parameter.
                if (depth <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                    continue;
                }
                if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                    field.append('[').append(node.getKey()).append(']');
                } else if (node.getName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
            return field.isEmpty() ? "body" : field.toString();
        }

        static String of(JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!field.isEmpty() && !(ref.getFrom() instanceof java.util.Map)) {
                        field.append('.');
                    }
                    field.append(ref.getFrom() instanceof java.util.Map ? "[" + ref.getFieldName() + "]" : ref.getFieldName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return field.toString();
        }
    }

    /** Explains a type mistake in the caller's terms. */
    static final class JsonMessages {
        private JsonMessages() {
        }

        static String describe(JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return iae.getMessage();
            }
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            if (target == java.time.Instant.class) {
                return "must be an ISO-8601 instant such as 2026-11-25T03:00:00Z";
            }
            if (target != null && (Number.class.isAssignableFrom(target) || target == double.class)) {
                return "must be a number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (target != null && java.util.Map.class.isAssignableFrom(target)) {
                return "must be a JSON object";
            }
            if (target != null && target.isEnum()) {
                return "must be a string";
            }
            if (e instanceof InvalidFormatException) {
                return "has the wrong format";
            }
            return "has the wrong type";
        }
    }
}
