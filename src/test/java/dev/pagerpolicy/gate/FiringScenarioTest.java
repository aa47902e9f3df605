package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scenario says is firing names services and teams of the policies, or the scenario fails saying so. */
class FiringScenarioTest {
    @TempDir
    Path dir;

    @Test
    void aMisspeltServiceOrTeamFiringFailsTheScenarioNamingIt() throws Exception {
        Packs.write(dir.resolve("misspelt.yaml"), """
                - name: a performance alert of product-recs while recommendations is down
                  at: 2026-11-25T03:10:00Z
                  firing:
                    - {service: recomendations, kind: outage, severity: critical, team: platform-sre}
                    - {service: recommendations, kind: outage, severity: critical, team: platfrom-sre}
                  alert: {kind: model_performance, severity: critical, service: recommendations, model: product-recs}
                  expect: {action: notify}
                """);

        List<ScenarioResult> results = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC())
                .runAll(Packs.shipped(), ScenarioLoader.load(dir, StandaloneValidator.get()));

        assertThat(results).singleElement().satisfies(result -> assertThat(result.mismatches()).startsWith(
                "firing #1: service \"recomendations\" is not defined in the policies",
                "firing #2: team \"platfrom-sre\" is not defined in the policies"));
    }
}
