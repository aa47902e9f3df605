package dev.pagerpolicy.app;

import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Wires the engine, which knows nothing of CDI, into the application. The first rule set is built here, at
 * start-up, through the same gate as every reload: a service whose rules, policies or scenarios are broken
 * refuses to start rather than serve without them.
 */
@ApplicationScoped
public class EngineProducer {
    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

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
    ActiveRuleSet activeRuleSet(RuleSetVerifier verifier, Clock clock) {
        try {
            RuleSet ruleSet = verifier.buildVerified();
            LOG.infof("rule set %s active: %d rules from %s, policies from %s", ruleSet.version(),
                    ruleSet.ruleNames().size(), verifier.rulesDir(), verifier.policiesDir());
            return new ActiveRuleSet(ruleSet, clock);
        } catch (InvalidSourceException e) {
            throw new RefusedToStartException(e);
        }
    }

    @Produces
    @Singleton
    Reloader reloader(RuleSetVerifier verifier, ActiveRuleSet active, Clock clock) {
        return new Reloader(verifier, active, clock);
    }
}
