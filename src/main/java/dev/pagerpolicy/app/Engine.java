package dev.pagerpolicy.app;

import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.reload.RuleSetVerifier;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The engine's parts built from the service's configuration, one way for the service and for the commands: the
 * evaluator with the configured limits, the compiled-rule cache, and the gate with the configured directories. So
 * {@code test} judges a rule set as start-up and reload do.
 */
public final class Engine {
    private Engine() {
    }

    public static Evaluator evaluator(PagerPolicyConfig config) {
        return new Evaluator(config.maxRuleFirings(), config.evaluationTimeLimit(), config.searchConflictsPerDecision());
    }

    public static RuleCache ruleCache(PagerPolicyConfig config) {
        PagerPolicyConfig.RuleCache cache = config.ruleCache();
        return cache.enabled() ? RuleCache.in(Path.of(cache.dir()), cache.maxEntries()) : RuleCache.disabled();
    }

    public static RuleSetLoader loader(PagerPolicyConfig config, Validator validator, Clock clock) {
        return new RuleSetLoader(validator, clock, ruleCache(config));
    }

    /** The scenarios' directory: the one configured, else {@code tests/} inside the rules directory. */
    public static Path scenariosDir(PagerPolicyConfig config) {
        return config.scenariosDir().map(Path::of).orElse(Path.of(config.rulesDir()).resolve("tests"));
    }

    /** The gate, deciding with {@code evaluator} (the service's own, shared with serving). */
    public static RuleSetVerifier verifier(PagerPolicyConfig config, Validator validator, Clock clock,
                                           Evaluator evaluator) {
        return new RuleSetVerifier(loader(config, validator, clock), new ScenarioRunner(evaluator, clock), validator,
                Path.of(config.rulesDir()), Path.of(config.policiesDir()), scenariosDir(config));
    }
}
