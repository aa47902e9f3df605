package dev.pagerpolicy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.InputMapping.Field;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policies/inputs.yaml: raw labels read as alert fields, checked like every policy. */
class InputMappingTest {
    @TempDir
    Path dir;

    private InputMapping shipped() throws InvalidSourceException {
        return CatalogLoader.load(Path.of("policies"), StandaloneValidator.get()).inputs();
    }

    private static Map<Field, String> none() {
        return new EnumMap<>(Field.class);
    }

    @Test
    void theFirstMatchingMappingThatSetsAFieldDecidesIt() throws Exception {
        InputMapping.Resolution read = shipped().resolve(Map.of("alertname", "KubePodCrashLooping",
                "namespace", "payments", "severity", "warning"), none());

        assertThat(read.values()).containsEntry(Field.KIND, "outage").containsEntry(Field.SERVICE, "checkout-api")
                .doesNotContainKeys(Field.MODEL, Field.ENVIRONMENT);
        assertThat(read.notes()).containsExactly(
                "kind = outage, by mapping \"an alert that something is down is an outage\" of policies/inputs.yaml",
                "service = checkout-api (from label namespace=\"payments\"), by mapping \"the namespace names the"
                        + " service\" of policies/inputs.yaml");
    }

    @Test
    void whatTheAlertGivesItselfIsKept() throws Exception {
        Map<Field, String> given = none();
        given.put(Field.KIND, "latency");
        InputMapping.Resolution read = shipped().resolve(Map.of("alertname", "CheckoutDown", "namespace", "payments"),
                given);
        assertThat(read.values()).containsEntry(Field.KIND, "latency");
        assertThat(read.notes()).noneMatch(note -> note.startsWith("kind"));
    }

    @Test
    void aNamespaceTheTableLacksSetsNoService() throws Exception {
        assertThat(shipped().resolve(Map.of("namespace", "kube-system"), none()).values()).doesNotContainKey(Field.SERVICE);
    }

    @Test
    void severityWordsOfOtherToolsAreReadInAnyCase() throws Exception {
        InputMapping inputs = shipped();
        assertThat(inputs.severity("warning")).contains(Severity.MEDIUM);
        assertThat(inputs.severity("P1")).contains(Severity.CRITICAL);
        assertThat(inputs.severity("p1")).contains(Severity.CRITICAL);
        assertThat(inputs.severity("SEV2")).contains(Severity.HIGH);
        assertThat(inputs.severity("none")).contains(Severity.INFO);
        assertThat(inputs.severity("critical")).contains(Severity.CRITICAL);
        assertThat(inputs.severity("urgent")).isEmpty();
    }

    @Test
    void everyMistakeIsReportedWithItsFileAndLine() {
        Packs.copyShipped(dir);
        Path file = dir.resolve("policies/inputs.yaml");
        Packs.write(file, """
                severities:
                  warning: medium
                  blocker: urgent
                mappings:
                  - name: bad regex
                    matchers: ['alertname=~"(unclosed"']
                    set: {kind: outage}
                  - name: unknown field
                    set: {owner: platform-sre}
                  - name: unknown service
                    matchers: ['namespace!=""']
                    set:
                      service: {label: namespace, values: {payments: checkout-api, billing: billing-api}}
                  - name: unknown kind
                    set: {kind: meltdown}
                  - name: everything is an outage
                    set: {kind: outage}
                  - name: crash loops are outages
                    matchers: ['alertname="KubePodCrashLooping"']
                    set: {kind: outage}
                """);
        assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("policies"), StandaloneValidator.get()))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems()).extracting(Object::toString)
                        .containsExactly(
                                file + ":1: severities: \"blocker\" is read as \"urgent\", which is not one of critical,"
                                        + " high, medium, low, info",
                                file + ":5: mapping \"bad regex\": matcher \"alertname=~\"(unclosed\"\": invalid regular"
                                        + " expression (missing closing ))",
                                file + ":8: mapping \"unknown field\": \"owner\" is not a field a mapping can set (kind,"
                                        + " severity, service, model, environment)",
                                file + ":10: mapping \"unknown service\", service: undefined service \"billing-api\""
                                        + " (not in policies/services.yaml)",
                                file + ":14: mapping \"unknown kind\", kind: \"meltdown\" is not one of outage,"
                                        + " error_rate, latency, saturation, model_drift, concept_drift, model_performance,"
                                        + " data_quality, data_pipeline, training_pipeline, other",
                                file + ":18: mapping \"crash loops are outages\" is never used: mapping \"everything is"
                                        + " an outage\" (line 16) matches every alert it matches and sets kind first"));
    }

    @Test
    void theIdOfAnAlertGivenByLabelsComesFromTheLabelThePoliciesOrTheConfigurationName() throws Exception {
        Map<String, String> labels = Map.of("alertname", "CheckoutDown", "incident", "INC-42");
        LabelNames configured = new LabelNames("kind", "severity", "service", "model", "env", "incident");
        assertThat(InputReader.idOf(labels, shipped(), LabelNames.DEFAULT)).isEqualTo("CheckoutDown");
        assertThat(InputReader.idOf(labels, shipped(), configured)).isEqualTo("INC-42");
        InputMapping policiesName = new InputMapping(new LabelNames("kind", "severity", "service", "model", "env",
                "alertname"), Map.of(), java.util.List.of());
        assertThat(InputReader.idOf(labels, policiesName, configured)).as("the policies' labels: win")
                .isEqualTo("CheckoutDown");
    }
}
