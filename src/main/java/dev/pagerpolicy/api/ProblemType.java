package dev.pagerpolicy.api;

/** The closed set of error kinds this service answers with; the URIs are stable and documented in docs/api.md. */
public enum ProblemType {
    INVALID_REQUEST(400, "The request is invalid"),
    MALFORMED_JSON(400, "The body is not valid JSON"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RELOAD_FAILED(422, "The rules were not reloaded"),
    INTERNAL(500, "Internal error"),
    BUSY(503, "Too many alerts are waiting to be decided"),
    FORWARD_QUEUE_FULL(503, "Too many alerts are waiting to be forwarded"),
    STARTING(503, "The service is starting");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:pager-policy:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
