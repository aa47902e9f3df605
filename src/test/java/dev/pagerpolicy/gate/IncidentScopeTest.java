package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.catalog.StandaloneValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack narrows an incident by a label: with {@code incidentScope: [cluster]} the alerts still firing keep their
 * cluster, and a rule that compares it treats an outage in another cluster as another incident.
 */
class IncidentScopeTest {
    @Test
    void anOutageInAnotherClusterIsAnotherIncident(@TempDir Path dir) throws Exception {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/organisation.yaml"), "dataEngineeringTeam: data-eng",
                "dataEngineeringTeam: data-eng\nincidentScope: [cluster]");
        Packs.edit(dir.resolve("rules/correlation.drl"),
                "AlertKind.SATURATION), $kind : kind, $environment : environment, $at : firedAt )",
                "AlertKind.SATURATION), $kind : kind, $environment : environment, $at : firedAt,"
                        + " $cluster : labelValue(\"cluster\") )");
        Packs.edit(dir.resolve("rules/correlation.drl"),
                "FiringAlert( service == $service, environment == $environment, awakeAt($at), $team : team,",
                "FiringAlert( service == $service, environment == $environment, awakeAt($at), label(\"cluster\") == $cluster,"
                        + " $team : team,");
        Packs.write(dir.resolve("rules/tests/scope.yaml"), """
                - name: a latency alert in the cluster whose outage is paged is that incident
                  at: 2026-11-25T03:10:00Z
                  firing:
                    - {service: checkout-api, kind: outage, severity: critical, team: platform-sre,
                       since: 2026-11-25T03:00:00Z, labels: {cluster: eu-1}}
                  alert: {kind: latency, severity: critical, service: checkout-api, labels: {cluster: eu-1}}
                  expect: {target: {team: platform-sre}, action: notify}

                - name: a latency alert in another cluster is another incident, paged
                  at: 2026-11-25T03:10:00Z
                  firing:
                    - {service: checkout-api, kind: outage, severity: critical, team: platform-sre,
                       since: 2026-11-25T03:00:00Z, labels: {cluster: eu-1}}
                  alert: {kind: latency, severity: critical, service: checkout-api, labels: {cluster: us-1}}
                  expect: {target: {team: platform-sre}, action: page, deferred: false}
                """);
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));

        assertThat(ruleSet.catalog().incidentScope()).containsExactly("cluster");
        List<Located<Scenario>> scenarios = ScenarioLoader.load(dir.resolve("rules/tests"),
                StandaloneValidator.get()).stream()
                .filter(s -> s.value().name().contains("cluster")).toList();
        List<ScenarioResult> results = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC())
                .runAll(ruleSet, scenarios);
        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.passed()).as(result::failureLine).isTrue());
    }
}
