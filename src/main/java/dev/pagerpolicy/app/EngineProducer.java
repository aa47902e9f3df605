package dev.pagerpolicy.app;

import dev.pagerpolicy.engine.ActiveRuleSet;
import dev.pagerpolicy.engine.Evaluator;
import dev.pagerpolicy.engine.RuleSetLoader;
import dev.pagerpolicy.source.InvalidSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Wires the engine, which knows nothing of CDI, into the application. The first rule set is loaded here, at
 * start-up: a service whose rules or policies are broken refuses to start rather than serve without them.
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
    RuleSetLoader ruleSetLoader(Validator validator, Clock clock) {
        return new RuleSetLoader(validator, clock);
    }

    @Produces
    @Singleton
    Evaluator evaluator(PagerPolicyConfig config) {
        return new Evaluator(config.maxRuleFirings());
    }

    @Produces
    @Singleton
    ActiveRuleSet activeRuleSet(RuleSetLoader loader, PagerPolicyConfig config) {
        try {
            var ruleSet = loader.load(Path.of(config.rulesDir()), Path.of(config.policiesDir()));
            LOG.infof("rule set %s active: %d rules from %s, policies from %s", ruleSet.version(),
                    ruleSet.ruleNames().size(), config.rulesDir(), config.policiesDir());
            return new ActiveRuleSet(ruleSet);
        } catch (InvalidSourceException e) {
            throw new RefusedToStartException(e);
        }
    }
}
