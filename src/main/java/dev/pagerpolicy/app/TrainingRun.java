package dev.pagerpolicy.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With {@code pager-policy.training-run=true}, the service exercises itself once it listens, the way callers
 * will, and then stops: the training run that records a Java ahead-of-time cache. It needs no client beside the
 * JVM, so a container image can record its cache with nothing but its JRE. Every kind and severity is decided
 * for every service of the shipped catalog (an unknown service takes the fallback path, which is trained too),
 * then a batch, an Alertmanager group, the rule set and the recent decisions are read.
 */
@ApplicationScoped
public class TrainingRun {
    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    private static final List<String> KINDS = List.of("outage", "latency", "error_rate", "saturation", "model_drift",
            "model_performance", "data_quality", "training_pipeline");
    private static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");
    private static final List<String> SERVICES = List.of("checkout-api", "fraud-scoring", "recommendations",
            "churn-reports");

    void onStart(@Observes StartupEvent started, PagerPolicyConfig config,
                 @ConfigProperty(name = "quarkus.http.port") int port) {
        if (!config.trainingRun()) {
            return;
        }
        Thread thread = new Thread(() -> train(URI.create("http://127.0.0.1:" + port)), "training-run");
        thread.setDaemon(true);
        thread.start();
    }

    private static void train(URI base) {
        int status = 0;
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            awaitListening(client, base);
            int decided = 0;
            for (int day = 23; day <= 25; day++) {
                for (String kind : KINDS) {
                    for (String severity : SEVERITIES) {
                        for (String service : SERVICES) {
                            post(client, base, "/v1/decide", """
                                    {"kind": "%s", "severity": "%s", "service": "%s", "firedAt": "2026-11-%dT03:00:00Z"}"""
                                    .formatted(kind, severity, service, day));
                            decided++;
                        }
                    }
                }
            }
            post(client, base, "/v1/decide/batch", """
                    [{"kind": "outage", "severity": "high", "service": "checkout-api"},
                     {"kind": "model_drift", "severity": "low", "service": "fraud-scoring", "model": "fraud-detector"},
                     {"kind": "outage", "severity": "high", "service": "no-such-service"}]""");
            post(client, base, "/v1/alertmanager", """
                    {"version": "4", "status": "firing", "receiver": "pager-policy", "groupKey": "training",
                     "alerts": [{"status": "firing", "startsAt": "2026-11-25T03:00:00Z",
                                 "labels": {"alertname": "ApiDown", "kind": "outage", "severity": "critical",
                                            "service": "checkout-api"}}]}""");
            get(client, base, "/v1/ruleset");
            get(client, base, "/v1/decisions?limit=50");
            get(client, base, "/q/health/ready");
            LOG.infof("training run: %d alerts decided one by one, a batch and an Alertmanager group; stopping",
                    decided);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("training run failed: %s", e.toString());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        Quarkus.asyncExit(status);
    }

    /** The start-up event comes before the port opens: wait for it, for at most a minute. */
    private static void awaitListening(HttpClient client, URI base) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                get(client, base, "/q/health/live");
                return;
            } catch (ConnectException e) {
                if (attempt >= 600) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void post(HttpClient client, URI base, String path, String json)
            throws IOException, InterruptedException {
        send(client, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void get(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        send(client, HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private static void send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + status);
        }
    }
}
