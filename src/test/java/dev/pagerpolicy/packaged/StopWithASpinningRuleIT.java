package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.MisbehavingRulesProfile;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that spins in plain Java cannot be stopped by any time limit; it must not keep the packaged service from
 * stopping when it is told to (SIGTERM, as the kubelet sends).
 */
class StopWithASpinningRuleIT {
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theServiceStopsOnSigtermWhileARuleSpins(@TempDir Path work) throws Exception {
        Packs.copyShipped(work);
        // Its rule "Spins in plain Java" spins for a minute for alerts labelled mood=spinning, deaf to interrupts.
        Files.writeString(work.resolve("rules/misbehaving.drl"), MisbehavingRulesProfile.RULES);
        int port = freePort();
        int management = freePort();
        Path output = work.resolve("output.log");
        Process app = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management,
                "-Dpager-policy.rules-dir=" + work.resolve("rules"), "-Dpager-policy.policies-dir=" + work.resolve("policies"),
                "-Dpager-policy.rule-cache.dir=" + work.resolve("compiled-rules"), "-Dpager-policy.watch.enabled=false",
                "-jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                    + "/q/health/ready")).build();
            Poll.until("ready or stopped", () -> !app.isAlive() || ready(client, readiness));
            assertThat(ready(client, readiness)).as("ready; it said:%n%s", Files.readString(output)).isTrue();
            for (int i = 0; i < 2; i++) {
                client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decide"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                {"kind": "outage", "severity": "critical", "service": "checkout-api",
                                 "labels": {"mood": "spinning"}}""")).build(), HttpResponse.BodyHandlers.discarding());
            }
            // Both spinning: the decision threads are replaced once they are stuck.
            Poll.until("the decision threads held by spinning rules replaced", () -> said(output)
                    .contains("decisions are stuck"));
            app.destroy(); // SIGTERM
            boolean stopped = app.waitFor(60, TimeUnit.SECONDS);
            assertThat(stopped).as("stopped on SIGTERM; it said:%n%s", Files.readString(output)).isTrue();
        } finally {
            app.destroyForcibly();
        }
    }

    private static boolean ready(HttpClient client, HttpRequest readiness) {
        try {
            return client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String said(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
