package dev.pagerpolicy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer. {@code type} is one of the stable values in
 * {@link ProblemType}; {@code errors} lists each bad field by the JSON name the caller sent; {@code problems}
 * lists problems in files as {@code FILE:LINE: message}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<String> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Response response(ProblemType type, String detail, List<FieldError> errors) {
        return build(new Problem(type.uri(), type.title(), type.status(), detail, errors, List.of()));
    }

    /** One field (of the body, or a query parameter) is wrong: {@code field "limit": must be a whole number}. */
    public static Response invalidField(FieldError error) {
        return response(ProblemType.INVALID_REQUEST, "field \"" + error.field() + "\": " + error.message(),
                List.of(error));
    }

    public static Response withProblems(ProblemType type, String detail, List<String> problems) {
        return build(new Problem(type.uri(), type.title(), type.status(), detail, List.of(), problems));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(ProblemType type, String detail) {
        return response(type, detail, List.of());
    }
}
