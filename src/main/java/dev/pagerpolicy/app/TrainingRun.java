package dev.pagerpolicy.app;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With {@code pager-policy.training-run=true}, the service exercises itself once it listens, the way callers
 * will, and then stops: the training run that records a Java ahead-of-time cache. It needs no client beside the
 * JVM, so a container image can record its cache with nothing but its JRE. It decides every kind and severity
 * for the first services of the active catalog, by night and by day, and each severity for its first models,
 * one alert per request; then a batch (with an unknown service, for the fallback), an Alertmanager group, the
 * rule set and the recent decisions. With decide keys configured it sends the first.
 */
@ApplicationScoped
public class TrainingRun {
    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    /** Enough of a large catalog to reach every code path; the run stays short. */
    private static final int SERVICES_AND_MODELS = 10;
    private static final List<String> TIMES = List.of("2026-11-25T03:00:00Z", "2026-11-25T14:00:00Z");

    void onStart(@Observes FirstRuleSetActive first, PagerPolicyConfig config,
                 @ConfigProperty(name = "quarkus.http.port") int port) {
        if (!config.trainingRun()) {
            return;
        }
        Optional<String> key = config.security().decideKeys().flatMap(keys -> keys.stream().map(String::strip)
                .filter(k -> !k.isEmpty()).findFirst());
        Catalog catalog = first.ruleSet().catalog();
        Thread thread = new Thread(() -> train(new Caller(URI.create("http://127.0.0.1:" + port), key), catalog),
                "training-run");
        thread.setDaemon(true);
        thread.start();
    }

    private static void train(Caller caller, Catalog catalog) {
        int status = 0;
        try {
            caller.awaitListening();
            List<Service> services = catalog.services().values().stream().sorted(Comparator.comparing(Service::name))
                    .limit(SERVICES_AND_MODELS).toList();
            int decided = 0;
            for (String time : TIMES) {
                for (Service service : services) {
                    for (AlertKind kind : AlertKind.NAMED) {
                        for (Severity severity : Severity.values()) {
                            caller.post("/v1/decide", """
                                    {"kind": "%s", "severity": "%s", "service": "%s", "firedAt": "%s"}"""
                                    .formatted(kind.wireName(), severity.wireName(), service.name(), time));
                            decided++;
                        }
                    }
                }
            }
            for (Model model : catalog.models().values().stream().sorted(Comparator.comparing(Model::name))
                    .limit(SERVICES_AND_MODELS).toList()) {
                for (Severity severity : Severity.values()) {
                    caller.post("/v1/decide", """
                            {"kind": "model_performance", "severity": "%s", "service": "%s", "model": "%s"}"""
                            .formatted(severity.wireName(), model.service().name(), model.name()));
                    decided++;
                }
            }
            String service = services.get(0).name();
            caller.post("/v1/decide/batch", """
                    [{"kind": "outage", "severity": "high", "service": "%s"},
                     {"kind": "model_drift", "severity": "low", "service": "%s"},
                     {"kind": "outage", "severity": "high", "service": "no-such-service"}]""".formatted(service, service));
            caller.post("/v1/alertmanager", """
                    {"version": "4", "status": "firing", "receiver": "pager-policy", "groupKey": "training",
                     "alerts": [{"status": "firing", "startsAt": "2026-11-25T03:00:00Z",
                                 "labels": {"alertname": "Down", "kind": "outage", "severity": "critical",
                                            "service": "%s"}}]}""".formatted(service));
            caller.get("/v1/ruleset");
            caller.get("/v1/decisions?limit=50");
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

    /** HTTP calls to the service itself; any answer but 200 fails the run. */
    private record Caller(URI base, Optional<String> key, HttpClient client) {
        Caller(URI base, Optional<String> key) {
            this(base, key, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }

        /** The start-up event comes before the port opens: wait for it, for at most a minute. */
        void awaitListening() throws IOException, InterruptedException {
            for (int attempt = 0; ; attempt++) {
                try {
                    get("/v1/ruleset");
                    return;
                } catch (ConnectException e) {
                    if (attempt >= 600) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }

        void post(String path, String json) throws IOException, InterruptedException {
            send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        void get(String path) throws IOException, InterruptedException {
            send(request(path).GET().build());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
            key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
            return request;
        }

        private void send(HttpRequest request) throws IOException, InterruptedException {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + status);
            }
        }
    }
}
