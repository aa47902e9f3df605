package dev.pagerpolicy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One test per validation message: policy authors rely on the exact text and line. */
class CatalogLoaderTest extends CopiedPolicies {
    @Test
    void shippedPoliciesLoadWithEveryReferenceResolved() throws Exception {
        Catalog catalog = CatalogLoader.load(Packs.POLICIES, StandaloneValidator.get());
        assertThat(catalog.teams()).hasSize(12);
        assertThat(catalog.services()).containsOnlyKeys("checkout-api", "fraud-scoring", "recommendations", "churn-reports");
        Service recommendations = catalog.services().get("recommendations");
        assertThat(recommendations.tier().name()).isEqualTo("tier-2");
        assertThat(recommendations.onCallTeam().name()).isEqualTo("platform-sre");
        assertThat(recommendations.dataTeam().name()).isEqualTo("data-eng");
        assertThat(catalog.models().get("fraud-detector").mlTeam().mlopsMaturity()).isEqualTo(2);
        assertThat(catalog.fallbackTeam().name()).isEqualTo("platform-sre");
        assertThat(catalog.fallbackAckWithin()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void undefinedTeamIsNamedWithTheServiceThatUsesIt() {
        Packs.edit(policies.resolve("services.yaml"), "onCallTeam: platform-sre\n    devTeam: payments-dev\n  - name: fraud-scoring",
                "onCallTeam: sre-db\n    devTeam: payments-dev\n  - name: fraud-scoring");
        assertThat(problems()).containsExactly(
                file("services.yaml") + ":9: undefined team \"sre-db\" referenced by service \"checkout-api\"");
    }

    @Test
    void undefinedTierIsReported() {
        Packs.edit(policies.resolve("services.yaml"), "tier: tier-3", "tier: tier-9");
        assertThat(problems()).containsExactly(
                file("services.yaml") + ":20: undefined SLA tier \"tier-9\" referenced by service \"churn-reports\"");
    }

    @Test
    void undefinedServiceOfAModelIsReported() {
        Packs.edit(policies.resolve("models.yaml"), "service: fraud-scoring", "service: fraud");
        assertThat(problems()).containsExactly(
                file("models.yaml") + ":6: undefined service \"fraud\" referenced by model \"fraud-detector\"");
    }

    @Test
    void undefinedFallbackTeamIsReported() {
        Packs.edit(policies.resolve("organisation.yaml"), "team: platform-sre", "team: nobody");
        assertThat(problems()).containsExactly(
                file("organisation.yaml") + ":2: undefined team \"nobody\" referenced by the fallback");
    }

    @Test
    void unknownRoleListsTheAllowedOnes() {
        Packs.edit(policies.resolve("teams.yaml"), "role: ops", "role: sre");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":9: team \"platform-sre\": role \"sre\" is not one of"
                + " ops, dev, ml-engineer, data-scientist, data-engineer");
    }

    @Test
    void unknownTimeZoneIsReported() {
        Packs.edit(policies.resolve("teams.yaml"), "timeZone: Europe/Berlin", "timeZone: Europe/Bonn");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":16: team \"payments-dev\": unknown time zone"
                + " \"Europe/Bonn\" (use an IANA name such as Europe/Berlin)");
    }

    @Test
    void aFixedOffsetIsRefusedLikeAnyZoneThatIsNotIana() {
        // GMT+1 is an offset Java reads, but it ignores daylight saving: Berlin's 09:00 would be wrong half the year.
        Packs.edit(policies.resolve("teams.yaml"), "timeZone: Europe/Berlin", "timeZone: GMT+1");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":16: team \"payments-dev\": unknown time zone"
                + " \"GMT+1\" (use an IANA name such as Europe/Berlin; a fixed offset ignores daylight saving time)");
    }

    @Test
    void malformedBusinessHoursShowTheExpectedForm() {
        Packs.edit(policies.resolve("teams.yaml"), "businessHours: Mon-Fri 09:00-17:00", "businessHours: weekdays 9 to 5");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":12: team \"platform-sre\": business hours"
                + " \"weekdays 9 to 5\" are not like \"Mon-Fri 09:00-17:00\", \"Mon-Fri 09:00-17:00, Sat 10:00-14:00\""
                + " or \"24/7\"");
    }

    @Test
    void mlTeamWithoutMaturityIsReported() {
        Packs.edit(policies.resolve("teams.yaml"), "    mlopsMaturity: 2\n", "");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":32: team \"fraud-ml\": ML engineering teams need"
                + " \"mlopsMaturity\" (0, 1 or 2)");
    }

    @Test
    void maturityOutOfRangeIsABeanValidationError() {
        Packs.edit(policies.resolve("teams.yaml"), "mlopsMaturity: 2", "mlopsMaturity: 5");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":37: team \"fraud-ml\": field \"mlopsMaturity\""
                + " must be less than or equal to 2");
    }

    @Test
    void missingRequiredFieldIsABeanValidationError() {
        Packs.edit(policies.resolve("services.yaml"), "    devTeam: storefront-dev\n", "");
        assertThat(problems()).containsExactly(file("services.yaml") + ":15: service \"recommendations\": field"
                + " \"devTeam\" must not be blank");
    }

    @Test
    void duplicateNameIsReportedAtTheSecondDefinition() {
        Packs.edit(policies.resolve("services.yaml"), "  - name: fraud-scoring",
                "  - name: checkout-api\n    tier: tier-2\n    onCallTeam: platform-sre\n    devTeam: payments-dev\n"
                        + "  - name: fraud-scoring");
        assertThat(problems()).containsExactly(file("services.yaml") + ":11: duplicate service \"checkout-api\""
                + " (first defined at line 7)");
    }

    @Test
    void misspelledFieldIsReportedWithTheKnownOnes() {
        Packs.edit(policies.resolve("services.yaml"), "devTeam: payments-dev", "devteam: payments-dev");
        assertThat(problems()).containsExactly(file("services.yaml") + ":10: service #1: unknown field \"devteam\""
                + " (known fields: dataTeam, dependsOn, devTeam, name, onCallTeam, tier)");
    }

    @Test
    void wrongTypeIsReported() {
        Packs.edit(policies.resolve("teams.yaml"), "onCallRotation: true", "onCallRotation: [yes]");
        assertThat(problems()).containsExactly(file("teams.yaml") + ":10: team #1: field \"onCallRotation\": expected true or false");
    }

    @Test
    void invalidDurationIsReported() {
        Packs.edit(policies.resolve("sla-tiers.yaml"), "ackWithin: PT5M", "ackWithin: 5 minutes");
        assertThat(problems()).containsExactly(file("sla-tiers.yaml") + ":6: SLA tier \"tier-1\": ackWithin \"5 minutes\""
                + " is not an ISO-8601 duration such as PT5M");
    }

    @Test
    void unknownSeverityInATierIsReported() {
        Packs.edit(policies.resolve("sla-tiers.yaml"), "[critical]", "[urgent]");
        assertThat(problems()).containsExactly(file("sla-tiers.yaml") + ":10: SLA tier \"tier-2\": pagesAroundTheClock"
                + " \"urgent\" is not one of critical, high, medium, low, info");
    }

    @Test
    void brokenYamlGivesTheLineOfTheSyntaxError() {
        Packs.write(policies.resolve("services.yaml"), "services:\n  - name: a\n    tier: [tier-1\n");
        assertThat(problems()).singleElement().asString().startsWith(file("services.yaml") + ":3: invalid YAML:");
    }

    @Test
    void missingRequiredFileIsReported() throws Exception {
        java.nio.file.Files.delete(policies.resolve("teams.yaml"));
        assertThat(problems()).contains(file("teams.yaml") + ": required policy file not found");
    }

    @Test
    void mlTeamMustBeAnMlEngineeringTeam() {
        Packs.edit(policies.resolve("models.yaml"), "mlTeam: fraud-ml", "mlTeam: fraud-ds");
        assertThat(problems()).containsExactly(file("models.yaml") + ":7: model \"fraud-detector\": mlTeam \"fraud-ds\""
                + " has role \"data-scientist\", not \"ml-engineer\"");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Packs.edit(policies.resolve("services.yaml"), "tier: tier-3", "tier: tier-9");
        Packs.edit(policies.resolve("models.yaml"), "service: fraud-scoring", "service: fraud");
        assertThat(problems()).hasSize(2);
    }

    @Test
    void dependenciesAreFollowedUpstreamTransitively() throws Exception {
        Packs.edit(policies.resolve("services.yaml"), "    onCallTeam: platform-sre\n    devTeam: storefront-dev",
                "    onCallTeam: platform-sre\n    devTeam: storefront-dev\n    dependsOn: [fraud-scoring]");
        Packs.edit(policies.resolve("services.yaml"), "  - name: fraud-scoring\n    tier: tier-1",
                "  - name: fraud-scoring\n    dependsOn: [checkout-api]\n    tier: tier-1");
        Catalog catalog = CatalogLoader.load(policies, StandaloneValidator.get());
        assertThat(catalog.service("recommendations").dependsOn()).containsExactly("fraud-scoring");
        assertThat(catalog.upstreamOf("recommendations")).containsExactlyInAnyOrder("fraud-scoring", "checkout-api");
        assertThat(catalog.upstreamOf("checkout-api")).isEmpty();
        assertThat(catalog.upstreamOf("no-such-service")).isEmpty();
        assertThat(catalog.upstreamOf(null)).as("an alert of labels alone may name no service").isEmpty();
    }

    @Test
    void anUnknownDependencyAndACycleAreReportedAtTheirField() {
        Packs.edit(policies.resolve("services.yaml"), "  - name: fraud-scoring\n    tier: tier-1",
                "  - name: fraud-scoring\n    dependsOn: [feature-store, recommendations]\n    tier: tier-1");
        Packs.edit(policies.resolve("services.yaml"), "    onCallTeam: platform-sre\n    devTeam: storefront-dev",
                "    onCallTeam: platform-sre\n    devTeam: storefront-dev\n    dependsOn: [fraud-scoring]");
        assertThat(problems()).containsExactly(
                file("services.yaml") + ":12: undefined service \"feature-store\" referenced by service \"fraud-scoring\""
                        + " as a dependency",
                file("services.yaml") + ":12: service \"fraud-scoring\" depends on itself: fraud-scoring → recommendations"
                        + " → fraud-scoring");
    }
}
