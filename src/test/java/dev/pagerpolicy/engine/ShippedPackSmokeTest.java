package dev.pagerpolicy.engine;

import dev.pagerpolicy.alert.*;
import dev.pagerpolicy.catalog.StandaloneValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShippedPackSmokeTest {
    @Test
    void smoke() throws Exception {
        RuleSet set = new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC()).load(Path.of("rules"), Path.of("policies"));
        Evaluator ev = new Evaluator(1000);
        System.out.println(ev.decide(set, new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "checkout-api", null, null, Instant.parse("2026-11-25T03:00:00Z"), null, null)));
        System.out.println(ev.decide(set, new Alert("a", AlertKind.MODEL_PERFORMANCE, Severity.CRITICAL, "fraud-scoring", "fraud-detector", null, Instant.parse("2026-11-25T03:00:00Z"), null, null)));
        System.out.println(ev.decide(set, new Alert("a", AlertKind.OUTAGE, Severity.HIGH, "churn-reports", null, null, Instant.parse("2026-11-28T03:00:00Z"), null, null)));
    }
}
