package dev.pagerpolicy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with a problem+json 413 instead of the
 * HTTP server's bare 413 with no body: a declared length is refused before anything is read, a chunked body as
 * soon as it passes the limit.
 */
@ApplicationScoped
public class BodyLimit {
    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) throws JsonProcessingException {
        long limit = maxBodySize.asLongValue();
        String body = json.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(),
                ProblemType.PAYLOAD_TOO_LARGE.title(), 413, "the body is over the limit of " + limit + " bytes",
                List.of(), List.of()));
        // A chunked (or HTTP/2) body declares no length: it is read here, up to the limit, before the REST layer sees it.
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                refuse(context, body);
            } else if (length == null && carriesBody(context.request().method())) {
                chunkedBodies.handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413) {
                refuse(context, body);
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

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server rejects a malformed length itself
        }
    }
}
