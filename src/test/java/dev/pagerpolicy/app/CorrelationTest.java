package dev.pagerpolicy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.firing.FiringAlerts;
import dev.pagerpolicy.firing.FiringAlertsUnavailable;
import dev.pagerpolicy.firing.InMemoryFiringAlerts;
import dev.pagerpolicy.testing.Packs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a decision is told of what is firing: not itself, the pages first and at most a few, or why nothing. */
class CorrelationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final Alert LATENCY = new Alert("a", AlertKind.LATENCY, Severity.HIGH, "checkout-api", null, null,
            NOW, null, null);

    private static FiringAlert firing(String key, Action action, Instant since) {
        return new FiringAlert(key, "checkout-api", null, AlertKind.OUTAGE, Severity.CRITICAL, since, "platform-sre",
                action, "d-" + key);
    }

    @Test
    void aDecisionSeesThePagesFirstTheEarliestFirstAtMostAFewAndNeverItself() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        Correlation correlation = new Correlation(store, Duration.ofMinutes(5));
        store.firing(firing("itself", Action.PAGE, NOW.minusSeconds(3_600)), NOW.plusSeconds(60));
        for (int i = 0; i < 50; i++) {
            store.firing(firing("ticket-" + i, Action.TICKET, NOW.minusSeconds(600 + i)), NOW.plusSeconds(60));
        }
        store.firing(firing("page-late", Action.PAGE, NOW.minusSeconds(60)), NOW.plusSeconds(60));
        store.firing(firing("page-early", Action.PAGE, NOW.minusSeconds(120)), NOW.plusSeconds(60));

        Correlation.Lookup lookup = correlation.firingFor(Packs.shipped().catalog(), LATENCY, "itself", NOW);

        assertThat(lookup.unavailable()).isEmpty();
        // The earliest page its team is awake for and the earliest outage (the ticket of 10:49 before), then at most
        // MAX_FACTS more, the pages first.
        assertThat(lookup.firing()).hasSize(2 + dev.pagerpolicy.firing.Correlator.MAX_FACTS);
        assertThat(lookup.firing()).extracting(FiringAlert::key).startsWith("page-early", "ticket-49", "page-late",
                "ticket-48").doesNotContain("itself");
    }

    @Test
    void anOutageUpstreamIsSeenHoweverManyPagesOfTheServiceFiredBeforeIt() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        for (int i = 0; i < 3 * dev.pagerpolicy.firing.Correlator.MAX_FACTS; i++) {
            store.firing(new FiringAlert("drift-" + i, "recommendations", "product-recs", AlertKind.LATENCY,
                    Severity.HIGH, NOW.minusSeconds(3_600 - i), "platform-sre", Action.PAGE, "d-drift-" + i),
                    NOW.plusSeconds(60));
        }
        store.firing(new FiringAlert("upstream", "feature-store", null, AlertKind.OUTAGE, Severity.CRITICAL,
                NOW.minusSeconds(60), "platform-sre", Action.PAGE, "d-upstream"), NOW.plusSeconds(60));
        Alert model = new Alert("m", AlertKind.MODEL_PERFORMANCE, Severity.CRITICAL, "recommendations",
                "product-recs", null, NOW, null, null);

        Correlation.Lookup lookup = new Correlation(store, Duration.ofMinutes(5))
                .firingFor(withFeatureStore().catalog(), model, null, NOW);

        assertThat(lookup.firing()).extracting(FiringAlert::key).contains("upstream", "drift-0");
    }

    @Test
    void aHeldPageAndAnotherEnvironmentAreKeptAsTheyWereDecided() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        Correlation correlation = new Correlation(store, Duration.ofMinutes(5));
        Alert staging = new Alert("s", AlertKind.ERROR_RATE, Severity.HIGH, "checkout-api", null, "staging", NOW,
                null, null);
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        correlation.firing(Packs.shipped().catalog(), staging, new dev.pagerpolicy.decision.Decision("d-held", "s",
                new dev.pagerpolicy.decision.Target("platform-sre", dev.pagerpolicy.catalog.Role.OPS), Action.PAGE,
                null, monday, List.of(), List.of(), List.of(), List.of(), "v1", false, null), "held", null, NOW);

        FiringAlert kept = store.of(Set.of("checkout-api"), NOW).get(0);
        assertThat(kept.environment()).isEqualTo("staging");
        assertThat(kept.notBefore()).isEqualTo(monday);
        assertThat(kept.awakeAt(NOW)).as("held: nobody awake yet").isFalse();
        assertThat(kept.awakeAt(monday)).as("its page has gone out").isTrue();
        assertThat(correlation.firingFor(Packs.shipped().catalog(), LATENCY, null, NOW).firing())
                .as("a production alert is told of it: rules compare environments").extracting(FiringAlert::key)
                .containsExactly("held");
    }

    private static dev.pagerpolicy.ruleset.RuleSet withFeatureStore() {
        java.nio.file.Path dir = Packs.shippedCopy("correlation-feature-store");
        dev.pagerpolicy.testing.FeatureStoreOutage.addTo(dir);
        return Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    @Test
    void aPageToATeamTheRulesNoLongerHaveExplainsNothing() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(new FiringAlert("renamed", "checkout-api", null, AlertKind.OUTAGE, Severity.CRITICAL,
                NOW.minusSeconds(60), "sre-before-the-reload", Action.PAGE, "d-renamed"), NOW.plusSeconds(60));
        store.firing(firing("kept", Action.PAGE, NOW.minusSeconds(60)), NOW.plusSeconds(60));

        Correlation.Lookup lookup = new Correlation(store, Duration.ofMinutes(5))
                .firingFor(Packs.shipped().catalog(), LATENCY, null, NOW);

        // A rule routing to it would throw, and the fallback page every alert of the service until it expired.
        assertThat(lookup.firing()).extracting(FiringAlert::key).containsExactly("kept");
    }

    @Test
    void aStoreThatCannotBeReachedIsAReasonAndADegradedStateNotAFailure() {
        FiringAlerts away = new FiringAlerts() {
            @Override
            public void firing(FiringAlert alert, Instant until) {
                throw new FiringAlertsUnavailable("Redis at redis://nowhere:6379: Connection refused", null);
            }

            @Override
            public void resolved(String key) {
                firing(null, null);
            }

            @Override
            public List<FiringAlert> of(Set<String> services, Instant now) {
                resolved(null);
                return List.of();
            }

            @Override
            public String where() {
                return "Redis at redis://nowhere:6379";
            }
        };
        Correlation correlation = new Correlation(away, Duration.ofMinutes(5));

        Correlation.Lookup lookup = correlation.firingFor(Packs.shipped().catalog(), LATENCY, null, NOW);

        assertThat(lookup.firing()).isEmpty();
        assertThat(lookup.unavailable()).hasValueSatisfying(reason -> {
            assertThat(reason.rule()).isEqualTo("correlation");
            assertThat(reason.explanation()).isEqualTo("the alerts still firing could not be read (Redis at"
                    + " redis://nowhere:6379: Connection refused): decided without them");
        });
        assertThat(correlation.degraded()).contains("Redis at redis://nowhere:6379: Connection refused");
    }

    @Test
    void onlyAPageIsKeptAsFiringAndUntilItsEndAtTheLatest() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        Correlation correlation = new Correlation(store, Duration.ofMinutes(5));
        correlation.firing(Packs.shipped().catalog(), LATENCY, decision(Action.NOTIFY), "notified", null, NOW);
        correlation.firing(Packs.shipped().catalog(), LATENCY, decision(Action.TICKET), "ticketed", NOW.plusSeconds(60), NOW);
        correlation.firing(Packs.shipped().catalog(), LATENCY, decision(Action.PAGE), "paged", NOW.plusSeconds(60), NOW);

        assertThat(store.of(Set.of("checkout-api"), NOW)).extracting(FiringAlert::key).containsExactly("paged");
        assertThat(store.of(Set.of("checkout-api"), NOW.plusSeconds(61))).as("its own end, before the timeout")
                .isEmpty();
    }

    private static dev.pagerpolicy.decision.Decision decision(Action action) {
        return new dev.pagerpolicy.decision.Decision("d", "a", new dev.pagerpolicy.decision.Target("platform-sre",
                dev.pagerpolicy.catalog.Role.OPS), action, null, null, List.of(), List.of(), List.of(), List.of(), "v1",
                false, null);
    }
}
