package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two routing rules of one salience that both match an alert: a conflict when they disagree, none when they agree. */
class RoutingConflictTest {
    private static final Alert LABELLED_OUTAGE = new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api",
            null, null, Instant.parse("2026-11-25T03:00:00Z"), Map.of("customer_impact", "true"), null);

    @TempDir
    Path dir;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
    }

    /** A rule routing customer-impacting alerts, at the salience given, to the team and action given. */
    private RuleSet withCustomerRule(String salience, String team, String action) {
        Packs.write(dir.resolve("rules/customers.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Customer-impacting alerts go to the customer team"
                salience %s
                when
                    Alert( label("customer_impact") == "true" )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("%s"), Action.%s, "customers are affected");
                end
                """.formatted(salience, team, action));
        return Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    @Test
    void twoRulesOfOneSalienceRoutingDifferentlyAreAConflictNamingBoth() {
        RuleSet ruleSet = withCustomerRule("0", "analytics-dev", "PAGE");
        assertThat(Evaluator.withDefaults().routingConflict(ruleSet, LABELLED_OUTAGE)).hasValueSatisfying(conflict ->
                assertThat(conflict).contains("\"Customer-impacting alerts go to the customer team\"")
                        .contains("\"Service-health alerts page the service's on-call team\"")
                        .contains("both route this alert at salience 0")
                        .contains("page analytics-dev").contains("page platform-sre"));
    }

    @Test
    void aConflictMakesTheDecisionTheFallbackNamingBoth() {
        RuleSet ruleSet = withCustomerRule("0", "analytics-dev", "PAGE");
        var decision = Evaluator.withDefaults().decide(ruleSet, LABELLED_OUTAGE);
        assertThat(decision.fallback()).isTrue();
        assertThat(decision.reasons().get(0).explanation()).startsWith("conflicting decisions: rules \"")
                .contains("both route this alert at salience 0").endsWith("; the fallback team platform-sre is paged");
        Evaluator notSearching = new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS, Evaluator.DEFAULT_TIME_LIMIT, false);
        assertThat(notSearching.decide(ruleSet, LABELLED_OUTAGE).fallback())
                .as("turned off, the first rule decides; the gate still searches").isFalse();
    }

    @Test
    void bothRulesOfAConflictAreAmongTheRulesFired() {
        // Else a rule that only ever loses conflicts would be "dead" to explore while it conflicts.
        RuleSet ruleSet = withCustomerRule("0", "analytics-dev", "PAGE");
        Evaluation evaluation = Evaluator.withDefaults().evaluate(ruleSet, LABELLED_OUTAGE);
        assertThat(evaluation.fallback()).isEqualTo(Evaluation.Fallback.CONFLICT);
        assertThat(evaluation.firedRules()).contains("Customer-impacting alerts go to the customer team",
                "Service-health alerts page the service's on-call team");
    }

    @Test
    void withTheSearchPerDecisionOffTheGateStillFailsTheScenario() throws Exception {
        RuleSet ruleSet = withCustomerRule("0", "analytics-dev", "PAGE");
        Packs.write(dir.resolve("rules/tests/customers.yaml"), """
                - name: a customer-impacting outage
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: critical, service: checkout-api, labels: {customer_impact: "true"}}
                  expect: {action: page}
                """);
        var scenarios = dev.pagerpolicy.gate.ScenarioLoader.load(dir.resolve("rules/tests"),
                dev.pagerpolicy.catalog.StandaloneValidator.get());
        Evaluator notSearching = new Evaluator(Evaluator.DEFAULT_MAX_RULE_FIRINGS, Evaluator.DEFAULT_TIME_LIMIT, false);
        var results = new dev.pagerpolicy.gate.ScenarioRunner(notSearching, java.time.Clock.systemUTC())
                .runAll(ruleSet, scenarios);
        assertThat(results).filteredOn(r -> r.name().equals("a customer-impacting outage")).singleElement()
                .satisfies(r -> assertThat(r.summary()).contains("both route this alert at salience 0"));
    }

    @Test
    void twoRulesThatAgreeAreNoConflict() {
        RuleSet ruleSet = withCustomerRule("0", "platform-sre", "PAGE");
        assertThat(Evaluator.withDefaults().routingConflict(ruleSet, LABELLED_OUTAGE)).isEmpty();
    }

    @Test
    void aHigherSalienceSettlesIt() {
        RuleSet ruleSet = withCustomerRule("10", "analytics-dev", "PAGE");
        assertThat(Evaluator.withDefaults().routingConflict(ruleSet, LABELLED_OUTAGE)).isEmpty();
        assertThat(Evaluator.withDefaults().decide(ruleSet, LABELLED_OUTAGE).target().team()).isEqualTo("analytics-dev");
    }

    @Test
    void theShippedPackHasNoConflictOnItsScenarios() {
        RuleSet shipped = Packs.shipped();
        assertThat(Evaluator.withDefaults().routingConflict(shipped, new Alert("a", AlertKind.MODEL_PERFORMANCE,
                Severity.CRITICAL, "fraud-scoring", "fraud-detector", null, Instant.parse("2026-11-25T03:00:00Z"),
                null, null))).isEmpty();
    }

    @Test
    void oneDeadlineCoversTheDecisionWithItsConflictProbes() {
        // Two more rules route the labelled outage as the shipped rule does, each busy for 300 ms of wall-clock
        // time: whichever routes first, the probes run the others, so the decision takes at least 600 ms in all,
        // however fast the machine, while no single run of the rules reaches the limit of 500 ms on a fast one.
        String busyRouter = """

                rule "Busy agreeing router %s"
                when
                    Alert( label("customer_impact") == "true" )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    java.time.Instant end = java.time.Instant.now().plusMillis(300);
                    while (java.time.Instant.now().isBefore(end)) {
                    }
                    $draft.route($catalog.team("platform-sre"), Action.PAGE, "the on-call team, slowly");
                end
                """;
        Packs.write(dir.resolve("rules/busy.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft
                """ + busyRouter.formatted("one") + busyRouter.formatted("two"));
        RuleSet ruleSet = Packs.load(dir.resolve("rules"), dir.resolve("policies"));

        Evaluation serving = Evaluator.withDefaults().evaluate(ruleSet, LABELLED_OUTAGE);
        assertThat(serving.fallback()).isEqualTo(Evaluation.Fallback.TIMED_OUT);
        assertThat(serving.decision().reasons().get(0).explanation())
                .startsWith("the rules took longer than the limit of 500 ms (last rule to fire: \"");

        Evaluation gate = Evaluator.withDefaults().forGate().evaluate(ruleSet, LABELLED_OUTAGE);
        assertThat(gate.fallback()).as("the rules agree: no conflict, once there is time to see it")
                .isEqualTo(Evaluation.Fallback.NONE);
    }
}
