package dev.pagerpolicy.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.ConfigMapVolume;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.Poll;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules and policies mounted from Kubernetes ConfigMaps: loaded without the hidden entries, every update noticed. */
class ConfigMapReloadTest {
    @TempDir
    Path dir;
    Path source;
    ConfigMapVolume rules;
    ConfigMapVolume policies;
    RuleSetVerifier verifier;

    @BeforeEach
    void mountTheShippedPack() {
        source = dir.resolve("source");
        Packs.copyShipped(source);
        rules = new ConfigMapVolume(dir.resolve("mounted/rules"));
        policies = new ConfigMapVolume(dir.resolve("mounted/policies"));
        rules.project(source.resolve("rules"));
        policies.project(source.resolve("policies"));
        verifier = new RuleSetVerifier(Packs.loader(), new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC()),
                StandaloneValidator.get(), dir.resolve("mounted/rules"), dir.resolve("mounted/policies"));
    }

    /** One edit of the source, projected as the kubelet would after {@code kubectl apply}. */
    private void changeAckTimeTo(String ackWithin, String from) {
        Packs.edit(source.resolve("policies/sla-tiers.yaml"), "ackWithin: " + from, "ackWithin: " + ackWithin);
        Packs.edit(source.resolve("rules/tests/service-health.yaml"), "ackWithin: " + from + "\n    escalation",
                "ackWithin: " + ackWithin + "\n    escalation");
        Packs.edit(source.resolve("rules/tests/service-health.yaml"), "ackWithin: " + from, "ackWithin: " + ackWithin);
        rules.project(source.resolve("rules"));
        policies.project(source.resolve("policies"));
    }

    @Test
    void theMountedPackLoadsWithItsScenariosAndWithoutTheHiddenCopies() throws Exception {
        assertThat(rules.topLevel()).extracting(path -> path.getFileName().toString())
                .contains("..data", "service-health.drl", "tests");
        var ruleSet = verifier.buildVerified();
        assertThat(ruleSet.ruleNames()).hasSize(Packs.shipped().ruleNames().size());
        assertThat(ruleSet.version()).isEqualTo(Packs.shipped().version());
    }

    @Test
    void everyUpdateOfTheConfigMapsGoesThroughTheGate() throws Exception {
        ActiveRuleSet active = new ActiveRuleSet(verifier.buildVerified());
        Reloader reloader = new Reloader(verifier, active, Clock.systemUTC());
        String[] times = {"PT15M", "PT10M", "PT12M", "PT11M"};
        for (int i = 1; i < times.length; i++) {
            String before = active.get().version();
            changeAckTimeTo(times[i], times[i - 1]);
            ReloadAttempt attempt = reloader.reload("test");
            assertThat(attempt.problems()).isEmpty();
            assertThat(attempt.result()).as("update %d", i).isEqualTo("success");
            assertThat(active.get().version()).isNotEqualTo(before);
        }
    }

    @Test
    void scenariosFromAConfigMapOfTheirOwnGateTheRules() throws Exception {
        ConfigMapVolume scenarios = new ConfigMapVolume(dir.resolve("mounted/scenarios"));
        scenarios.project(source.resolve("rules/tests"));
        RuleSetVerifier separate = new RuleSetVerifier(Packs.loader(),
                new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC()), StandaloneValidator.get(),
                dir.resolve("mounted/rules"), dir.resolve("mounted/policies"), dir.resolve("mounted/scenarios"));
        separate.buildVerified();

        Packs.edit(source.resolve("rules/tests/service-health.yaml"), "ackWithin: PT15M", "ackWithin: PT16M");
        scenarios.project(source.resolve("rules/tests"));
        assertThatThrownBy(separate::buildVerified).isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining(dir.resolve("mounted/scenarios/service-health.yaml") + ":");
    }

    @Test
    void theWatcherNoticesEverySwapNotOnlyTheFirst() throws Exception {
        Semaphore reloads = new Semaphore(0);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(dir.resolve("mounted/rules"),
                dir.resolve("mounted/policies")), Duration.ofMillis(200), reloads::release)) {
            String[] times = {"PT15M", "PT10M", "PT12M", "PT11M"};
            for (int i = 1; i < times.length; i++) {
                changeAckTimeTo(times[i], times[i - 1]);
                assertThat(Poll.signalled(reloads)).as("swap %d noticed", i).isTrue();
                reloads.drainPermits();
            }
        }
    }
}
