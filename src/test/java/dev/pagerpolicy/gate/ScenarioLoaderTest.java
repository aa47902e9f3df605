package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files that could pass whatever the rules do, or on the clock's whim, are refused with FILE:LINE. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private InvalidSourceException refused(String yaml) {
        Packs.write(dir.resolve("cases.yaml"), yaml);
        return (InvalidSourceException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ScenarioLoader.load(dir, StandaloneValidator.get()));
    }

    @Test
    void anExpectationThatStatesNothingIsAnError() {
        assertThat(refused("""
                - name: anything goes
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: critical, service: checkout-api}
                  expect: {}
                """).problems()).extracting(Object::toString).containsExactly(dir.resolve("cases.yaml")
                + ":1: scenario \"anything goes\": expect states nothing to check");
    }

    @Test
    void aScenarioWithoutAClockIsAnError() {
        assertThat(refused("""
                - name: whenever
                  alert: {kind: outage, severity: critical, service: checkout-api}
                  expect: {action: page}
                """).problems()).extracting(Object::toString).containsExactly(dir.resolve("cases.yaml")
                + ":1: scenario \"whenever\": state its clock with \"at\" or \"alert.firedAt\", so that it gives"
                + " the same answer at noon and at 3 a.m.");
    }

    @Test
    void theAlertsFiredAtIsAClock() throws Exception {
        Packs.write(dir.resolve("cases.yaml"), """
                - name: fired at night
                  alert: {kind: outage, severity: critical, service: checkout-api, firedAt: 2026-11-25T03:00:00Z}
                  expect: {action: page}
                """);
        assertThat(ScenarioLoader.load(dir, StandaloneValidator.get())).hasSize(1);
    }

    @Test
    void twoScenariosOfOneNameAreAnError() {
        Packs.write(dir.resolve("a.yaml"), """
                - name: the outage
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: critical, service: checkout-api}
                  expect: {action: page}
                """);
        assertThat(refused("""
                - name: the outage
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: high, service: checkout-api}
                  expect: {action: page}
                """).problems()).extracting(Object::toString).containsExactly(dir.resolve("cases.yaml")
                + ":1: scenario \"the outage\" is already defined at " + dir.resolve("a.yaml") + ":1");
    }

    @Test
    void theShippedScenariosAreAllValid() throws Exception {
        assertThat(ScenarioLoader.load(Packs.RULES.resolve("tests"), StandaloneValidator.get())).hasSizeGreaterThan(20);
    }
}
