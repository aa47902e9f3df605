package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules reach any team, service, tier or model of the catalog by name; a name the policies lack is an error. */
class CatalogLookupTest {
    @TempDir
    Path dir;
    Path rules;
    Path policies;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
        rules = dir.resolve("rules");
        policies = dir.resolve("policies");
    }

    private static String customerImpact(String team) {
        return """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Customer-impacting alerts page the analytics on-call"
                salience 10
                when
                    Alert( label("customer_impact") == "true" )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("%s"), Action.PAGE, "customers are affected");
                end
                """.formatted(team);
    }

    private static String readString(Path path) {
        try {
            return java.nio.file.Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InvalidSourceException refused() {
        return catchThrowableOfType(InvalidSourceException.class, () -> Packs.loader().load(rules, policies));
    }

    @Test
    void aRuleRoutesToATeamItNamesThroughTheCatalog() {
        Packs.write(rules.resolve("customers.drl"), customerImpact("analytics-dev"));
        RuleSet ruleSet = Packs.load(rules, policies);
        Decision decision = Evaluator.withDefaults().decide(ruleSet, new Alert("a", AlertKind.LATENCY, Severity.HIGH,
                "checkout-api", null, null, Instant.parse("2026-11-25T15:00:00Z"), Map.of("customer_impact", "true"), null));
        assertThat(decision.fallback()).isFalse();
        assertThat(decision.target().team()).isEqualTo("analytics-dev");
        assertThat(decision.action()).isEqualTo(Action.PAGE);
    }

    @Test
    void aTeamTheLookupNamesThatThePoliciesDoNotDefineIsAnErrorWithItsLine() {
        Packs.write(rules.resolve("customers.drl"), customerImpact("rides-sre"));
        assertThat(refused().problems()).extracting(Object::toString).containsExactly(rules.resolve("customers.drl")
                + ":15: team \"rides-sre\" is not defined in " + policies.resolve("teams.yaml"));
    }

    @Test
    void aPolicyChangeThatRemovesANameARuleUsesFailsTheSameWay() {
        Packs.write(rules.resolve("customers.drl"), customerImpact("analytics-dev"));
        Packs.load(rules, policies);
        for (String file : java.util.List.of("teams.yaml", "services.yaml", "models.yaml")) {
            Path path = policies.resolve(file);
            Packs.write(path, readString(path).replace("analytics-dev", "analytics-devs"));
        }
        assertThat(refused().problems()).extracting(Object::toString).contains(rules.resolve("customers.drl")
                + ":15: team \"analytics-dev\" is not defined in " + policies.resolve("teams.yaml"));
    }

    @Test
    void aNameComparedWithAnEntitysNameMustBeDefinedToo() {
        Packs.write(rules.resolve("tiers.drl"), """
                package rules

                import dev.pagerpolicy.catalog.Service
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Tier-4 services are only explained"
                when
                    Service( tier.name == "tier-4" )
                    $draft : DecisionDraft( paging )
                then
                    $draft.recommend("tier 4", "noted");
                end
                """);
        assertThat(refused().problems()).extracting(Object::toString).containsExactly(rules.resolve("tiers.drl")
                + ":8: SLA tier \"tier-4\" is not defined in " + policies.resolve("sla-tiers.yaml"));
    }

    @Test
    void aPatternOnATypeThatIsNeverAFactIsAnError() {
        Packs.write(rules.resolve("teams.drl"), """
                package rules

                import dev.pagerpolicy.catalog.Team
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Pages rides-sre"
                when
                    $team : Team( name == "analytics-dev" )
                    $draft : DecisionDraft( undecided )
                then
                    $draft.recommend("never", "noted");
                end
                """);
        assertThat(refused().problems()).extracting(Object::toString).containsExactly(rules.resolve("teams.drl")
                + ":8: rule \"Pages rides-sre\": Team is never a fact, so this rule would never fire; reach a team"
                + " through Service, Model or the catalog: $catalog : Catalog() ... $catalog.team(\"analytics-dev\")");
    }
}
