package dev.pagerpolicy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Prometheus Alertmanager (Debian package prometheus-alertmanager, installed by .ci/run) on loopback, alone
 * (no cluster), started and stopped by a test: what pager-policy forwards to.
 */
public final class RealAlertmanager implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private Process process;

    /** Writes {@code config} in {@code dir} and starts Alertmanager on a free port; {@link #start} again after a stop. */
    public RealAlertmanager(Path dir, String config) throws IOException {
        this.dir = Files.createDirectories(dir);
        Files.writeString(dir.resolve("alertmanager.yml"), config);
        this.port = PackagedApp.freePort();
        start();
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public void start() throws IOException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log")
                        .toFile())).start();
        Poll.until("Alertmanager ready on port " + port, () -> status("/-/ready") == 200);
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The alerts Alertmanager holds, active, silenced or inhibited, with the receivers its routes gave each. */
    public JsonNode alerts() {
        try {
            return JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return JSON.createArrayNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The one alert whose label {@code alertname} is {@code name}, or null. */
    public JsonNode alert(String name) {
        for (JsonNode alert : alerts()) {
            if (name.equals(alert.path("labels").path("alertname").asText())) {
                return alert;
            }
        }
        return null;
    }

    /** What Alertmanager said, for a failing test's description. */
    public String said() {
        try {
            return Files.readString(dir.resolve("alertmanager.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private int status(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url() + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
