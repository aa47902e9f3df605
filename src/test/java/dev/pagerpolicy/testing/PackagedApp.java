package dev.pagerpolicy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service ({@code target/quarkus-app}) started as a user starts it, on free ports, with the rules and
 * policies of a pack directory, its output in a file of that directory: for tests of what only the packaged app does.
 */
public final class PackagedApp implements AutoCloseable {
    /**
     * The compiled rules every packaged app of a test run keeps, as the replicas of one image share the image's: a
     * rule file compiled by one start is loaded by the next that has it, whatever the rest of its pack.
     */
    public static final Path RULE_CACHE = Path.of("target", "packaged-rule-cache").toAbsolutePath();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path output;
    private final int port;
    private final int managementPort;
    private final HttpClient client = HttpClient.newHttpClient();

    private PackagedApp(Process process, Path output, int port, int managementPort) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * The {@code java} command of the build's JVM, as a test starts the packaged app: with the client compiler alone,
     * since an app a test starts lives seconds, in which the optimising compiler would spend more CPU than it saves,
     * and the serial collector, whose single thread costs less than G1's on a small heap; with the code cache the tiered
     * compiler would reserve (the client compiler alone reserves a fifth of it). What the app does is the same either
     * way; on two busy cores the suite is bound by CPU.
     */
    public static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC");
    }

    /** Starts the app on the pack in {@code work} (rules/, policies/), with {@code -D} options of its own. */
    public static PackagedApp start(Path work, String heap, String... options) throws IOException {
        return start(work, work, heap, options);
    }

    /** Starts the app on the pack in {@code pack}, its output in {@code work}: several replicas of one pack. */
    public static PackagedApp start(Path work, Path pack, String heap, String... options) throws IOException {
        Files.createDirectories(work);
        int port = freePort();
        int management = freePort();
        Path output = work.resolve("output.log");
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("-Xmx" + heap, "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management,
                "-Dpager-policy.rules-dir=" + pack.resolve("rules"), "-Dpager-policy.policies-dir=" + pack.resolve("policies"),
                "-Dpager-policy.rule-cache.dir=" + RULE_CACHE, "-Dpager-policy.watch.enabled=false"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new PackagedApp(process, output, port, management);
    }

    /** Waits until it is ready, or has stopped; true when ready. */
    public boolean awaitReady() {
        Poll.until("ready or stopped", () -> !process.isAlive() || managementStatus("/q/health/ready") == 200);
        return managementStatus("/q/health/ready") == 200;
    }

    public int status(String path) {
        return status(port, path);
    }

    /** Posts {@code json} (or nothing, when null) to the API, as a client without a key sends it. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The decision for {@code alert}, asserted answered 200 (with the body as the failure's description). */
    public JsonNode decide(String alert) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/v1/decide", alert);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    public int managementStatus(String path) {
        return status(managementPort, path);
    }

    /** The body of a management endpoint's answer, or "" while it does not answer. */
    public String managementBody(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** What it has written so far. */
    public String said() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int status(int on, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
