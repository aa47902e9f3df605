package dev.pagerpolicy.app;

import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.nio.file.Path;
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
        return new Evaluator(config.maxRuleFirings(), config.evaluationTimeLimit(), config.searchConflictsPerDecision());
    }

    @Produces
    @Singleton
    RuleSetVerifier verifier(Validator validator, Clock clock, Evaluator evaluator, PagerPolicyConfig config) {
        return new RuleSetVerifier(new RuleSetLoader(validator, clock, ruleCache(config.ruleCache())),
                new ScenarioRunner(evaluator, clock), validator, Path.of(config.rulesDir()), Path.of(config.policiesDir()),
                scenariosDir(config));
    }

    static Path scenariosDir(PagerPolicyConfig config) {
        return config.scenariosDir().map(Path::of).orElse(Path.of(config.rulesDir()).resolve("tests"));
    }

    private static RuleCache ruleCache(PagerPolicyConfig.RuleCache config) {
        return config.enabled() ? RuleCache.in(Path.of(config.dir()), config.maxEntries()) : RuleCache.disabled();
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
