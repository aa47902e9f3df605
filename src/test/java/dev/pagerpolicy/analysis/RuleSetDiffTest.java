package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetDiffTest {
    private final RuleSetDiff diff = new RuleSetDiff(new Explorer(Evaluator.withDefaults().forGate(), 2));

    @TempDir
    Path dir;

    @Test
    void aTierThatPagesAroundTheClockForHighAlertsChangesExactlyItsServicesAlerts() {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/sla-tiers.yaml"), "    ackWithin: PT15M\n    pagesAroundTheClock: [critical]",
                "    ackWithin: PT10M\n    pagesAroundTheClock: [critical, high]");

        DiffReport report = diff.run(Packs.shipped(), Packs.load(dir.resolve("rules"), dir.resolve("policies")),
                DomainSpec.NONE);

        // recommendations, without and with its model: 4 service-health kinds at critical, high, medium, and
        // model_performance/critical of the model: every page of the tier-2 service changes its ack time, at each
        // of the 548 times but those of the model's maintenance window, where the model's pages are tickets. During an
        // outage of recommendations they notify the team paged for it, which the tier does not change.
        // Alerts while only a held page, a ticket or another environment's page is firing are decided as with nothing
        // firing, so the change shows in them too: four times the alerts decided alone.
        assertThat(report.changed()).isEqualTo(4 * 13_572);
        String nobodyAwake = "while nothing is firing or recommendations is down (page held for business hours) or"
                + " recommendations is down (ticketed) or recommendations is down in staging";
        assertThat(report.compared()).isEqualTo(1_918_000); // every alert, also in each situation of an outage of its service
        assertThat(report.changes()).extracting(Finding::text).contains(
                "outage, error_rate, latency, saturation/high of recommendations, " + nobodyAwake + ", outside business hours"
                        + " (Mon-Fri 09:00-17:00 UTC; the holidays and maintenance windows explored included): ackWithin PT15M → PT10M; waits for"
                        + " business hours → at once;"
                        + " escalation storefront-dev after PT15M → storefront-dev after PT10M",
                "outage, error_rate, latency, saturation/critical, medium of recommendations, " + nobodyAwake + ", at any time (all week, every"
                        + " holiday and maintenance window):"
                        + " ackWithin PT15M → PT10M; escalation storefront-dev after PT15M → storefront-dev after PT10M",
                // A chain of two steps says "then" between its steps: the arrow only ever means before → after.
                "outage, error_rate, latency, saturation/medium of recommendations (model product-recs), " + nobodyAwake + ", at any time,"
                        + " except during maintenance \"feature store migration\" of product-recs (Sat 2026-12-05 22:00"
                        + " Europe/London): ackWithin PT15M → PT10M; escalation storefront-dev after PT15M, then recs-ml"
                        + " after PT30M → storefront-dev after PT10M, then recs-ml after PT20M");
        assertThat(report.changes()).hasSize(7);
        assertThat(report.nightPages()).containsOnlyKeys("platform-sre");
        assertThat(report.nightPages().get("platform-sre")).isEqualTo(new DiffReport.NightPages(4 * 3_168, 0));
        assertThat(report.onlyInBase()).isEmpty();
        assertThat(report.anyChange()).isTrue();
    }

    @Test
    void servicesAndModelsOnOneSideOnlyAreReportedNotCompared() {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/services.yaml"), "  - name: churn-reports", "  - name: churn-reports-v2");
        Packs.edit(dir.resolve("policies/models.yaml"), "service: churn-reports", "service: churn-reports-v2");
        Packs.edit(dir.resolve("policies/inputs.yaml"), "reporting: churn-reports", "reporting: churn-reports-v2");

        DiffReport report = diff.run(Packs.shipped(), Packs.load(dir.resolve("rules"), dir.resolve("policies")),
                DomainSpec.NONE);

        assertThat(report.onlyInBase()).containsExactly("service churn-reports",
                "model churn-predictor of service churn-reports");
        assertThat(report.onlyInChanged()).containsExactly("service churn-reports-v2",
                "model churn-predictor of service churn-reports-v2");
        assertThat(report.changed()).isZero();
        assertThat(report.compared()).isEqualTo(5 * 100L * 5 * 548); // without and with each outage of the service
    }

    @Test
    void theSameRulesChangeNothing() {
        DiffReport report = diff.run(Packs.shipped(), Packs.shipped(), DomainSpec.NONE);

        assertThat(report.anyChange()).isFalse();
        assertThat(report.changes()).isEmpty();
    }
}
