package dev.pagerpolicy.cli;

import dev.pagerpolicy.engine.RuleCache;
import dev.pagerpolicy.engine.Evaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The command-line options shared by {@code check} and {@code test}. */
record Options(Path rules, Path policies, Path scenarios, Optional<Path> junitXml, Optional<Path> json,
               boolean allowEmpty, boolean coverage, Optional<Double> minCoverage, RuleCache ruleCache,
               int maxRuleFirings, Duration evaluationTimeLimit) {

    /** The options only {@code test} takes; {@code check} refuses them rather than ignore them. */
    private static final Set<String> TEST_ONLY = Set.of("--scenarios", "--junit-xml", "--json", "--allow-empty",
            "--coverage", "--min-coverage", "--max-rule-firings", "--evaluation-time-limit");

    static Options parse(String command, String[] args) {
        Path rules = Path.of("rules");
        Path policies = Path.of("policies");
        Path scenarios = null;
        Path junitXml = null;
        Path json = null;
        boolean allowEmpty = false;
        boolean coverage = false;
        Double minCoverage = null;
        Path ruleCache = defaultRuleCache();
        // The service's limits when they are set in the environment, so that test judges as start-up does.
        int maxRuleFirings = fromEnvironment("PAGER_POLICY_MAX_RULE_FIRINGS", Options::count,
                Evaluator.DEFAULT_MAX_RULE_FIRINGS);
        Duration timeLimit = fromEnvironment("PAGER_POLICY_EVALUATION_TIME_LIMIT", Options::duration,
                Evaluator.DEFAULT_TIME_LIMIT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!command.equals("test") && TEST_ONLY.contains(arg)) {
                throw new IllegalArgumentException(command + " does not take " + arg + " (test does)");
            }
            switch (arg) {
                case "--rules" -> rules = Path.of(value(args, ++i, arg));
                case "--policies" -> policies = Path.of(value(args, ++i, arg));
                case "--scenarios" -> scenarios = Path.of(value(args, ++i, arg));
                case "--junit-xml" -> junitXml = Path.of(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--allow-empty" -> allowEmpty = true;
                case "--coverage" -> coverage = true;
                case "--min-coverage" -> minCoverage = percent(value(args, ++i, arg));
                case "--rule-cache" -> ruleCache = Path.of(value(args, ++i, arg));
                case "--no-rule-cache" -> ruleCache = null;
                case "--max-rule-firings" -> maxRuleFirings = count(value(args, ++i, arg));
                case "--evaluation-time-limit" -> timeLimit = duration(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"");
            }
        }
        return new Options(rules, policies, scenarios == null ? rules.resolve("tests") : scenarios,
                Optional.ofNullable(junitXml), Optional.ofNullable(json), allowEmpty,
                coverage || minCoverage != null, Optional.ofNullable(minCoverage),
                ruleCache == null ? RuleCache.disabled() : RuleCache.in(ruleCache, RuleCache.DEFAULT_MAX_ENTRIES),
                maxRuleFirings, timeLimit);
    }

    /** The evaluator the service would decide with, given the same limits. */
    Evaluator evaluator() {
        return new Evaluator(maxRuleFirings, evaluationTimeLimit);
    }

    private static <T> T fromEnvironment(String variable, Function<String, T> parser, T otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : parser.apply(value.strip());
    }

    private static int count(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-rule-firings needs a positive whole number, not \"" + text + "\"");
        }
    }

    /** As the service's configuration writes durations: 500ms, 2s, or ISO-8601 (PT0.5S). */
    private static Duration duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s") && !text.startsWith("P")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--evaluation-time-limit needs a duration such as 500ms, 2s or PT0.5S,"
                    + " not \"" + text + "\"");
        }
    }

    /** The service's setting when it is in the environment (as in the container image), so both share one cache. */
    private static Path defaultRuleCache() {
        String fromEnvironment = System.getenv("PAGER_POLICY_RULE_CACHE_DIR");
        return fromEnvironment == null || fromEnvironment.isBlank() ? RuleCache.defaultDir() : Path.of(fromEnvironment);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static double percent(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || value > 100) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--min-coverage needs a percentage from 0 to 100, not \"" + text + "\"");
        }
    }
}
