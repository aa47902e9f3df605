package dev.pagerpolicy.app;

import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;

/**
 * Wires the engine, which knows nothing of CDI, into the application. The active rule set begins empty: the first
 * goes through the same gate as every reload as the application starts ({@link RuleSetLifecycle}), and a service
 * whose rules, policies or scenarios are broken refuses to start rather than serve without them.
 */
@ApplicationScoped
public class EngineProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Evaluator evaluator(PagerPolicyConfig config) {
        return Engine.evaluator(config);
    }

    @Produces
    @Singleton
    RuleSetVerifier verifier(Validator validator, Clock clock, Evaluator evaluator, PagerPolicyConfig config) {
        return Engine.verifier(config, validator, clock, evaluator);
    }

    @Produces
    @Singleton
    ActiveRuleSet activeRuleSet(Clock clock) {
        return ActiveRuleSet.awaitingFirst(clock);
    }

    @Produces
    @Singleton
    Reloader reloader(RuleSetVerifier verifier, ActiveRuleSet active, Clock clock) {
        return new Reloader(verifier, active, clock);
    }
}
