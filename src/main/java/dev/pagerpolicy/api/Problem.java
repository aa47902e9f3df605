package dev.pagerpolicy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer. {@code type} is one of the stable values in
 * {@link ProblemType}; {@code errors} lists each bad field by the JSON name the caller sent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Response response(ProblemType type, String detail, List<FieldError> errors) {
        return Response.status(type.status())
                .type(MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, errors))
                .build();
    }

    public static Response response(ProblemType type, String detail) {
        return response(type, detail, List.of());
    }
}
