package dev.pagerpolicy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests the build generates (target/kubernetes/kubernetes.yml) deploy the service as documented. */
class GeneratedManifestIT {
    private static final Path MANIFEST = Path.of("target/kubernetes/kubernetes.yml");
    private static final List<JsonNode> RESOURCES = new ArrayList<>();
    private static JsonNode deployment;
    private static JsonNode container;

    @BeforeAll
    static void readTheManifest() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(MANIFEST))) {
            RESOURCES.addAll(yaml.readValues(parser, JsonNode.class).readAll());
        }
        deployment = named("Deployment", "pager-policy");
        container = deployment.at("/spec/template/spec/containers/0");
    }

    private static JsonNode named(String kind, String name) {
        return RESOURCES.stream().filter(r -> kind.equals(r.path("kind").asText())
                        && name.equals(r.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + MANIFEST));
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .collect(Collectors.toMap(node -> node.path("name").asText(), node -> node));
    }

    @Test
    void aServiceAndADeploymentOfSeveralReplicas() {
        assertThat(RESOURCES).extracting(r -> r.path("kind").asText() + " " + r.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("Service pager-policy", "Deployment pager-policy",
                        "Service pager-policy-redis", "Deployment pager-policy-redis");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(named("Service", "pager-policy").at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    }

    /** Kubernetes' grace period, stated: the service stops within it whatever a rule does. */
    @Test
    void aGracePeriodTheServiceStopsWithin() {
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(30);
    }

    /** Several replicas, each with a store of its own, would each see only what it decided itself. */
    @Test
    void theReplicasShareWhatIsFiringThroughTheRedisTheManifestsRun() {
        Map<String, JsonNode> env = byName(container.path("env"));
        assertThat(env.get("PAGER_POLICY_CORRELATION_STORE").path("value").asText()).isEqualTo("redis");
        assertThat(env.get("QUARKUS_REDIS_HOSTS").path("value").asText()).isEqualTo("redis://pager-policy-redis:6379");
        JsonNode redis = named("Service", "pager-policy-redis");
        assertThat(redis.at("/spec/ports/0/port").asInt()).isEqualTo(6379);
        JsonNode redisDeployment = named("Deployment", "pager-policy-redis");
        assertThat(redisDeployment.at("/spec/template/metadata/labels")).isEqualTo(redis.at("/spec/selector"));
        assertThat(redisDeployment.at("/spec/template/spec/containers/0/args").toString())
                .contains("--maxmemory").contains("volatile-ttl");
    }

    @Test
    void probesUseTheHealthEndpoints() {
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        // on the management port, which no flood of the API port can fill
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isIn("9000", "management");
        }
    }

    @Test
    void aJvmOnASmallCpuShareHasTimeToListenAndTheFirstGateRunsWhileItDoes() {
        // The server listens while the first rule set is in its gate (pager-policy.start.gate-while-listening, which
        // the manifests leave on): the start-up probe waits for the JVM, and a long gate shows as readiness DOWN, not
        // as a start that hangs. Five minutes leave a JVM on a quarter of one core all the time it needs.
        int budget = container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt();
        assertThat(budget).isGreaterThanOrEqualTo(300);
        assertThat(container.at("/env").findValuesAsText("name"))
                .doesNotContain("PAGER_POLICY_START_GATE_WHILE_LISTENING");
    }

    @Test
    void memoryIsRequestedAndLimitedAboveWhatTheHeapNeeds() {
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("384Mi");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("640Mi");
        assertThat(byName(container.path("env")).get("JAVA_OPTS").path("value").asText()).isEqualTo("-Xmx256m");
    }

    @Test
    void itRunsAsNonRootOnAReadOnlyRootFilesystemWritingOnlyTmp() {
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        Map<String, JsonNode> mounts = byName(container.path("volumeMounts"));
        assertThat(mounts.get("tmp").path("mountPath").asText()).isEqualTo("/tmp");
        assertThat(mounts.get("tmp").path("readOnly").asBoolean()).isFalse();
        Map<String, JsonNode> volumes = byName(deployment.at("/spec/template/spec/volumes"));
        assertThat(volumes.get("tmp").at("/emptyDir/sizeLimit").asText()).as("a bounded /tmp").isEqualTo("128Mi");
        assertThat(volumes).hasSize(4); // tmp and the three ConfigMaps, each once
    }

    @Test
    void cpuIsRequestedForTheGateAndNotLimited() {
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
        assertThat(container.at("/resources/limits/cpu").isMissingNode()).as("no CPU limit, no throttling").isTrue();
    }

    @Test
    void rulesScenariosAndPoliciesAreReadOnlyConfigMapMountsTheServiceIsPointedAt() {
        Map<String, JsonNode> mounts = byName(container.path("volumeMounts"));
        Map<String, JsonNode> volumes = byName(deployment.at("/spec/template/spec/volumes"));
        Map<String, JsonNode> env = byName(container.path("env"));
        for (String part : List.of("rules", "scenarios", "policies")) {
            assertThat(mounts.get(part).path("mountPath").asText()).isEqualTo("/app/" + part);
            assertThat(mounts.get(part).path("readOnly").asBoolean()).isTrue();
            assertThat(volumes.get(part).at("/configMap/name").asText()).isEqualTo("pager-policy-" + part);
            assertThat(volumes.get(part).at("/configMap/defaultMode").asInt()).as("readable by a non-root user")
                    .isEqualTo(0444);
            assertThat(env.get("PAGER_POLICY_" + part.toUpperCase() + "_DIR").path("value").asText())
                    .isEqualTo("/app/" + part);
        }
    }

    @Test
    void theSelectorHasNoVersionSoTheNextApplyCanChangeIt() {
        // A Deployment's selector is immutable: a version in it makes every upgrade's kubectl apply fail.
        assertThat(deployment.at("/spec/selector/matchLabels").has("app.kubernetes.io/version")).isFalse();
        assertThat(deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("pager-policy");
    }

    @Test
    void theImageIsTaggedWithTheVersionNotLatest() {
        assertThat(container.path("image").asText()).startsWith("pager-policy:").doesNotEndWith(":latest")
                .doesNotContain("/");
    }

    @Test
    void theApiKeysComeFromASecretThatMayBeAbsent() {
        Map<String, JsonNode> env = byName(container.path("env"));
        for (String keys : List.of("PAGER_POLICY_SECURITY_ADMIN_KEYS", "PAGER_POLICY_SECURITY_DECIDE_KEYS")) {
            JsonNode secret = env.get(keys).at("/valueFrom/secretKeyRef");
            assertThat(secret.path("name").asText()).as(keys).isEqualTo("pager-policy-api-keys");
            assertThat(secret.path("optional").asBoolean()).as(keys).isTrue();
        }
        assertThat(env.get("PAGER_POLICY_SECURITY_ADMIN_KEYS").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("admin-keys");
        assertThat(env.get("PAGER_POLICY_SECURITY_DECIDE_KEYS").at("/valueFrom/secretKeyRef/key").asText())
                .isEqualTo("decide-keys");
    }
}
