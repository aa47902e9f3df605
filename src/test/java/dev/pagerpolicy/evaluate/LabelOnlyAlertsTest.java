package dev.pagerpolicy.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert with nothing but labels (no kind, severity or service, as most of Alertmanager's) reaches the rules, which
 * can decide it by its labels; only when none does, the fallback takes it, saying what could not be read.
 */
class LabelOnlyAlertsTest {
    private static final Instant NIGHT = Instant.parse("2026-11-25T03:00:00Z");
    private static RuleSet ruleSet;

    @BeforeAll
    static void aPackWithARuleOnLabels(@TempDir Path dir) {
        Path rules = dir.resolve("rules");
        Packs.copyTree(Packs.RULES, rules);
        Packs.write(rules.resolve("owners.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.alert.AlertKind
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Alerts owned by the data team are its tickets"
                    salience 100
                when
                    Alert( kind == AlertKind.OTHER, label("owner") == "data" )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("analytics-ds"), Action.TICKET, "the data team owns it");
                end
                """);
        ruleSet = Packs.load(rules, Packs.POLICIES);
    }

    private static Decision decide(AlertInput input) {
        InputReader.Read read = InputReader.read(input, ruleSet.catalog().inputs(), LabelNames.DEFAULT, NIGHT);
        return Evaluator.withDefaults().evaluate(ruleSet, read.alert(), read.unreadCause("the alert")).decision();
    }

    private static AlertInput labels(Map<String, String> labels) {
        return AlertInput.ofLabels(null, NIGHT, labels);
    }

    @Test
    void anAlertOfLabelsAloneIsDecidedByARuleOnItsLabels() {
        InputReader.Read read = InputReader.read(labels(Map.of("alertname", "TableStale", "owner", "data")),
                ruleSet.catalog().inputs(), LabelNames.DEFAULT, NIGHT);
        assertThat(read.alert().kind()).isEqualTo(AlertKind.OTHER);
        assertThat(read.alert().severity()).isNull();
        assertThat(read.alert().service()).isNull();

        Decision decision = decide(labels(Map.of("alertname", "TableStale", "owner", "data")));

        assertThat(decision.fallback()).isFalse();
        assertThat(decision.target().team()).isEqualTo("analytics-ds");
        assertThat(decision.action()).isEqualTo(Action.TICKET);
        assertThat(decision.reasons()).extracting(r -> r.rule())
                .containsExactly("Alerts owned by the data team are its tickets");
    }

    @Test
    void anAlertOfAServiceTheCatalogLacksIsDecidedByItsLabels() {
        Decision decision = decide(new AlertInput(null, AlertKind.OTHER, "high", "billing-batch", null, null, NIGHT,
                Map.of("owner", "data"), null, null, null));

        assertThat(decision.fallback()).isFalse();
        assertThat(decision.target().team()).isEqualTo("analytics-ds");
    }

    @Test
    void whenNoRuleDecidesTheFallbackSaysWhatCouldNotBeReadAndPagesForAnUnknownSeverity() {
        Decision decision = decide(labels(Map.of("alertname", "Odd", "owner", "nobody")));

        assertThat(decision.fallback()).isTrue();
        assertThat(decision.action()).isEqualTo(Action.PAGE);
        assertThat(decision.reasons()).singleElement().extracting(r -> r.explanation()).isEqualTo(
                "the alert could not be read: kind is missing (no field \"kind\", no label \"kind\"), and no mapping"
                        + " of policies/inputs.yaml sets it for this alert; severity is missing (no field \"severity\","
                        + " no label \"severity\"), and no mapping of policies/inputs.yaml sets it for this alert;"
                        + " service is missing (no field \"service\", no label \"service\"), and no mapping of"
                        + " policies/inputs.yaml sets it for this alert; the fallback team platform-sre is paged");
    }

    @Test
    void anUndecidedAlertWhoseSeverityWasReadKeepsTheFallbacksUrgencyRules() {
        Decision decision = decide(labels(Map.of("alertname", "Odd", "severity", "warning")));

        assertThat(decision.fallback()).isTrue();
        assertThat(decision.action()).isEqualTo(Action.TICKET);
    }

    @Test
    void anUndecidedAlertOfAServiceTheCatalogLacksSaysSo() {
        Decision decision = decide(new AlertInput(null, AlertKind.OUTAGE, "critical", "billing-batch", null, null,
                NIGHT, Map.of(), null, null, null));

        assertThat(decision.fallback()).isTrue();
        assertThat(decision.reasons()).singleElement().extracting(r -> r.explanation()).isEqualTo(
                "service \"billing-batch\" is not in the catalog; the fallback team platform-sre is paged");
    }
}
