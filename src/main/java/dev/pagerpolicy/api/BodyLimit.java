package dev.pagerpolicy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than its endpoint's limit with a problem+json 413 instead of the HTTP server's bare 413 with
 * no body: a declared length is refused before anything is read, a chunked body as soon as it passes the limit. The
 * endpoints alerts come in by in bulk ({@value #ALERTS_API}, {@value #WEBHOOK}) take what Prometheus' batches and
 * Alertmanager's largest groups weigh, up to {@code quarkus.http.limits.max-body-size}; every other endpoint
 * {@code pager-policy.max-body-size}.
 */
@ApplicationScoped
public class BodyLimit {
    @Inject
    ObjectMapper json;

    static final String ALERTS_API = "/api/v2/alerts";
    static final String WEBHOOK = "/v1/alertmanager";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize alertBodySize;

    @ConfigProperty(name = "pager-policy.max-body-size", defaultValue = "64K")
    MemorySize maxBodySize;

    /** One endpoint's limit: its problem, and a handler that reads a chunked body up to it. */
    private record Limit(long bytes, String problem, BodyHandler chunkedBodies) {
    }

    private Limit limit(long bytes) throws JsonProcessingException {
        String body = json.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(),
                ProblemType.PAYLOAD_TOO_LARGE.title(), 413, "the body is over the limit of " + bytes + " bytes",
                List.of(), List.of()));
        // A chunked body declares no length: it is read here, up to the limit, before the REST layer sees it.
        return new Limit(bytes, body, BodyHandler.create(false).setBodyLimit(bytes));
    }

    void install(@Observes Router router) throws JsonProcessingException {
        Limit standard = limit(Math.min(maxBodySize.asLongValue(), alertBodySize.asLongValue()));
        Limit alerts = limit(alertBodySize.asLongValue());
        Function<RoutingContext, Limit> limitOf = context -> {
            String path = context.normalizedPath();
            return path.equals(ALERTS_API) || path.equals(WEBHOOK) ? alerts : standard;
        };
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            Limit limit = limitOf.apply(context);
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit.bytes())) {
                refuse(context, limit.problem());
            } else if (length == null && isChunked(context.request())) {
                limit.chunkedBodies().handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413) {
                refuse(context, limitOf.apply(context).problem());
            } else {
                context.next();
            }
        });
    }

    private static void refuse(RoutingContext context, String body) {
        context.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }

    /**
     * Only HTTP/1.1's chunked bodies: an HTTP/2 request whose body was read here could not be paused by the REST
     * layer afterwards, so HTTP/2 bodies without a length keep the server's own (bare) 413.
     */
    private static boolean isChunked(HttpServerRequest request) {
        return request.version() != HttpVersion.HTTP_2 && request.headers().contains("Transfer-Encoding");
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server rejects a malformed length itself
        }
    }
}
