package dev.pagerpolicy.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate stops at its first failing stage (compile, then scenarios, then invariants) and reports that stage. */
class GateStagesTest {
    @TempDir
    Path dir;

    @Test
    void aFailingScenarioStopsTheGateBeforeTheInvariants() {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("rules/tests/fallback.yaml"), "an outage of an unknown service pages the fallback team",
                "an outage of an unknown service pages the fallback team (edited)");
        Packs.edit(dir.resolve("rules/tests/fallback.yaml"), "target: {team: platform-sre}",
                "target: {team: payments-dev}");
        // Invariants that cannot even be read: the gate would report them had it gone on.
        Packs.write(dir.resolve("rules/tests/invariants.yaml"), "- name: broken\n  never: {target.team: nobody}\n");
        RuleSetVerifier verifier = new RuleSetVerifier(Packs.loader(),
                new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC()), StandaloneValidator.get(),
                dir.resolve("rules"), dir.resolve("policies"));

        InvalidSourceException refused = catchThrowableOfType(InvalidSourceException.class, verifier::buildVerified);

        assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file())
                .endsWith("fallback.yaml"));
        assertThat(refused.problems()).extracting(Problem::message).noneMatch(m -> m.contains("broken"));
        assertThat(verifier.stage()).as("no stage is under way once the gate has ended").isEmpty();
    }
}
