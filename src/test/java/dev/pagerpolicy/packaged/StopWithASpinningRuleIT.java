package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.MisbehavingRulesProfile;
import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that spins in plain Java cannot be stopped by any time limit; it must not keep the packaged service from
 * stopping when it is told to (SIGTERM, as the kubelet sends).
 */
class StopWithASpinningRuleIT {
    @Test
    void theServiceStopsOnSigtermWhileARuleSpins(@TempDir Path work) throws Exception {
        Packs.copyShipped(work);
        // Its rule "Spins in plain Java" spins for a minute for alerts labelled mood=spinning, deaf to interrupts.
        MisbehavingRulesProfile.addTo(work);
        try (PackagedApp app = PackagedApp.start(work, "128m")) {
            assertThat(app.awaitReady()).as("ready; it said:%n%s", app.said()).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/decide"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                {"kind": "outage", "severity": "critical", "service": "checkout-api",
                                 "labels": {"mood": "spinning"}}""")).build(), HttpResponse.BodyHandlers.discarding());
            }
            // Both spinning: the decision threads are replaced once they are stuck.
            Poll.until("the decision threads held by spinning rules replaced", () -> app.said()
                    .contains("decisions are stuck"));
            app.process().destroy(); // SIGTERM
            boolean stopped = app.process().waitFor(60, TimeUnit.SECONDS);
            assertThat(stopped).as("stopped on SIGTERM; it said:%n%s", app.said()).isTrue();
        }
    }
}
