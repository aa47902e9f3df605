package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the packaged service serves when nothing is configured: the API description, but no Swagger UI. */
class ProductionDefaultsIT {

    @Test
    void theApiDescriptionIsServedAndSwaggerUiIsOffUnlessTurnedOn(@TempDir Path work) throws Exception {
        Packs.copyShipped(work);
        int port = freePort();
        int management = freePort();
        Path output = work.resolve("output.log");
        Process app = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management,
                "-Dpager-policy.rules-dir=" + work.resolve("rules"), "-Dpager-policy.policies-dir=" + work.resolve("policies"),
                "-Dpager-policy.rule-cache.dir=" + work.resolve("compiled-rules"), "-Dpager-policy.watch.enabled=false",
                "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            Poll.until("ready or stopped", () -> !app.isAlive() || status(client, management, "/q/health/ready") == 200);
            assertThat(status(client, management, "/q/health/ready")).as("ready; it said:%n%s", Files.readString(output))
                    .isEqualTo(200);
            assertThat(status(client, port, "/q/openapi")).isEqualTo(200);
            assertThat(status(client, port, "/q/swagger-ui/")).isEqualTo(404);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static int status(HttpClient client, int port, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
