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
    void aStormOnOneServiceForgetsItsLatestPagesAndKeepsTheEarliest() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(outage("elsewhere", "checkout-api"), NOW.plus(Duration.ofMinutes(1)));
        for (int i = 0; i < InMemoryFiringAlerts.MAX_PER_SERVICE + 10; i++) {
            store.firing(page("storm-" + i, "feature-store", NOW.plusSeconds(i)), NOW.plus(Duration.ofMinutes(10)));
        }
        assertThat(store.of(Set.of("feature-store"), NOW)).hasSize(InMemoryFiringAlerts.MAX_PER_SERVICE)
                .extracting(FiringAlert::key).contains("storm-0", "storm-99").doesNotContain("storm-100", "storm-109");
        assertThat(store.of(Set.of("checkout-api"), NOW)).as("another service keeps its own").hasSize(1);
    }

    @Test
    void aStormForgetsTicketsBeforeAnyPage() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        store.firing(new FiringAlert("ticket", "feature-store", null, AlertKind.OUTAGE, Severity.MEDIUM,
                NOW.minusSeconds(60), "platform-sre", Action.TICKET, "d-ticket"), NOW.plus(Duration.ofMinutes(5)));
        for (int i = 0; i < InMemoryFiringAlerts.MAX_PER_SERVICE; i++) {
            store.firing(page("page-" + i, "feature-store", NOW.plusSeconds(i)), NOW.plus(Duration.ofMinutes(1)));
        }
        assertThat(store.of(Set.of("feature-store"), NOW)).extracting(FiringAlert::key).doesNotContain("ticket")
                .contains("page-0", "page-99");
    }

    private static FiringAlert page(String key, String service, Instant since) {
        return new FiringAlert(key, service, null, AlertKind.LATENCY, Severity.HIGH, since, "platform-sre",
                Action.PAGE, "d-" + key);
    }

    @Test
    void aFloodOfDistinctServicesIsBoundedByBytesAndSweptWithoutBeingReadAgain() {
        InMemoryFiringAlerts store = new InMemoryFiringAlerts();
        int flood = 200_000;
        for (int i = 0; i < flood; i++) {
            store.firing(page("made-up-" + i, "made-up-service-" + i, NOW), NOW.plusSeconds(60));
        }
        assertThat(store.bytes()).as("bounded by bytes").isLessThanOrEqualTo(InMemoryFiringAlerts.MAX_BYTES);
        assertThat(store.services()).as("services emptied are forgotten too").isEqualTo(store.size());
        assertThat(store.evicted()).as("what was evicted is counted").isEqualTo(flood - store.size());
        assertThat(store.of(Set.of("made-up-service-" + (flood - 1)), NOW)).as("the newest kept").hasSize(1);

        store.sweep(NOW.plusSeconds(61));

        assertThat(store.size()).as("their time is up: swept, none read").isZero();
        assertThat(store.services()).isZero();
        assertThat(store.bytes()).isZero();
    }
}
