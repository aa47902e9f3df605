package dev.pagerpolicy.firing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.FiringAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Firing alerts are kept by service until resolved or their time is up, and a storm stays bounded. */
class InMemoryFiringAlertsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private static FiringAlert outage(String key, String service) {
        return new FiringAlert(key, service, null, AlertKind.OUTAGE, Severity.CRITICAL, NOW, "platform-sre",
                Action.PAGE, "d-" + key);
    }

    @Test
    void keptUntilResolvedOrTheirTimeIsUpAndReadByService() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(outage("a", "feature-store"), NOW.plus(Duration.ofMinutes(5)));
        store.firing(outage("b", "checkout-api"), NOW.plus(Duration.ofMinutes(1)));

        assertThat(store.of(Set.of("feature-store", "recommendations"), NOW)).extracting(FiringAlert::key)
                .containsExactly("a");
        assertThat(store.of(Set.of("checkout-api"), NOW.plus(Duration.ofMinutes(2)))).as("its time is up").isEmpty();
        store.resolved("a");
        assertThat(store.of(Set.of("feature-store"), NOW)).isEmpty();
    }

    @Test
    void theSameKeyAgainReplacesItEvenOfAnotherService() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(outage("a", "feature-store"), NOW.plus(Duration.ofMinutes(5)));
        store.firing(outage("a", "checkout-api"), NOW.plus(Duration.ofMinutes(5)));
        assertThat(store.of(Set.of("feature-store"), NOW)).isEmpty();
        assertThat(store.of(Set.of("checkout-api"), NOW)).hasSize(1);
    }

    @Test
    void aStormOnOneServiceForgetsItsOwnSoonestToEnd() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(outage("elsewhere", "checkout-api"), NOW.plus(Duration.ofMinutes(1)));
        for (int i = 0; i < InMemoryFiringAlerts.MAX_PER_SERVICE + 10; i++) {
            store.firing(outage("storm-" + i, "feature-store"), NOW.plus(Duration.ofSeconds(60 + i)));
        }
        assertThat(store.of(Set.of("feature-store"), NOW)).hasSize(InMemoryFiringAlerts.MAX_PER_SERVICE)
                .extracting(FiringAlert::key).doesNotContain("storm-0", "storm-9").contains("storm-10");
        assertThat(store.of(Set.of("checkout-api"), NOW)).as("another service keeps its own").hasSize(1);
    }
}
