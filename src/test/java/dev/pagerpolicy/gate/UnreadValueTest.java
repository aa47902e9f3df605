package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.decision.Reason;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value the alert gave that the policies cannot read (a severity no policy maps) is said in the decision even when
 * a rule decides without it: the person paged, or not, learns that the alert's own word was not used.
 */
class UnreadValueTest {
    private static final String UNREAD_SEVERITY = "severity \"urgent\" is not one of critical, high, medium, low,"
            + " info, and policies/inputs.yaml (severities) does not map it";

    @TempDir
    Path dir;

    private List<ScenarioResult> run(String scenarios) throws Exception {
        Packs.write(dir.resolve("scenarios.yaml"), scenarios);
        return new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC())
                .runAll(Packs.shipped(), ScenarioLoader.load(dir, StandaloneValidator.get()));
    }

    @Test
    void aRuleThatDecidesWithoutTheSeverityDoesNotHideThatItCouldNotBeRead() throws Exception {
        List<ScenarioResult> results = run("""
                - name: a latency alert of an unmapped severity while its service's outage is paged
                  at: 2026-11-25T03:10:00Z
                  firing:
                    - {service: checkout-api, kind: outage, severity: critical, team: platform-sre}
                  alert: {kind: latency, severity: urgent, service: checkout-api}
                  expect: {action: notify, target: {team: platform-sre}}
                """);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.mismatches()).isEmpty();
            assertThat(result.evaluation().decision().fallback()).isFalse();
            assertThat(result.evaluation().decision().reasons().get(0)).isEqualTo(Reason.ofInputMapping(
                    UNREAD_SEVERITY + ": the rules ran without it"));
        });
    }

    @Test
    void theFallbackThatSaysWhatCouldNotBeReadDoesNotSayItTwice() throws Exception {
        List<ScenarioResult> results = run("""
                - name: an outage of an unmapped severity
                  at: 2026-11-25T03:10:00Z
                  alert: {kind: outage, severity: urgent, service: checkout-api}
                  expect: {action: page, target: {team: platform-sre}}
                """);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.evaluation().decision().fallback()).isTrue();
            assertThat(result.evaluation().decision().reasons()).singleElement().satisfies(reason ->
                    assertThat(reason.explanation()).isEqualTo("the alert could not be read: " + UNREAD_SEVERITY
                            + "; the fallback team platform-sre is paged"));
        });
    }
}
