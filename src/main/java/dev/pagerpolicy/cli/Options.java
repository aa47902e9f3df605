package dev.pagerpolicy.cli;

import dev.pagerpolicy.app.Engine;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.ServiceConfiguration;
import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import java.time.Clock;
import dev.pagerpolicy.evaluate.Evaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command-line options of every command. Each command takes only the options listed for it and refuses the
 * others rather than ignore them: an option that is silently ignored is a check that silently does not happen.
 */
final class Options {
    /** Options that take a value; the others are switches. */
    private static final Set<String> WITH_VALUE = Set.of("--rules", "--policies", "--scenarios", "--junit-xml",
            "--json", "--min-coverage", "--rule-cache", "--max-rule-firings", "--evaluation-time-limit", "--format",
            "--base-rules", "--base-policies", "--decisions", "--since", "--until", "--resolve-timeout", "--config", "--receivers", "--out");
    private static final List<String> RULE_SET = List.of("--rules", "--policies", "--rule-cache", "--no-rule-cache");
    private static final List<String> LIMITS = List.of("--max-rule-firings", "--evaluation-time-limit");
    private static final Map<String, Set<String>> TAKEN_BY = new LinkedHashMap<>();

    static {
        TAKEN_BY.put("check", with(RULE_SET, List.of("--scenarios"), List.of()));
        TAKEN_BY.put("test", with(RULE_SET, LIMITS, List.of("--scenarios", "--junit-xml", "--json", "--allow-empty",
                "--coverage", "--min-coverage")));
        TAKEN_BY.put("explore", with(RULE_SET, LIMITS, List.of("--scenarios", "--format")));
        TAKEN_BY.put("diff", with(RULE_SET, LIMITS, List.of("--scenarios", "--format", "--base-rules",
                "--base-policies", "--fail-on-change")));
        TAKEN_BY.put("import alertmanager", Set.of("--config", "--receivers", "--out"));
        TAKEN_BY.put("alertmanager-config", Set.of("--config", "--receivers", "--out"));
        TAKEN_BY.put("replay", with(RULE_SET, LIMITS, List.of("--format", "--decisions", "--since", "--until",
                "--resolve-timeout")));
    }

    private final Map<String, String> values;
    private final Set<String> switches;
    private final PagerPolicyConfig config;
    /** The options that are settings of the service, by the setting they override. */
    private static final Map<String, String> SETTING_OF = Map.of("--rules", "pager-policy.rules-dir",
            "--policies", "pager-policy.policies-dir", "--scenarios", "pager-policy.scenarios-dir",
            "--rule-cache", "pager-policy.rule-cache.dir", "--max-rule-firings", "pager-policy.max-rule-firings",
            "--evaluation-time-limit", "pager-policy.evaluation-time-limit",
            "--resolve-timeout", "pager-policy.correlation.resolve-timeout");

    private Options(Map<String, String> values, Set<String> switches) {
        this.values = values;
        this.switches = switches;
        this.config = readConfiguration(values, switches);
    }

    /**
     * The service's configuration (its defaults, application.properties, {@code PAGER_POLICY_*} variables,
     * {@code -Dpager-policy.*}), under the options that override its settings: what the command judges with.
     */
    private static PagerPolicyConfig readConfiguration(Map<String, String> values, Set<String> switches) {
        Map<String, String> overrides = new HashMap<>();
        SETTING_OF.forEach((option, setting) -> {
            if (values.containsKey(option)) {
                overrides.put(setting, values.get(option));
            }
        });
        Optional.ofNullable(values.get("--max-rule-firings")).ifPresent(Options::count);
        for (String option : List.of("--evaluation-time-limit", "--resolve-timeout")) {
            Optional.ofNullable(values.get(option)).ifPresent(text -> overrides.put(SETTING_OF.get(option),
                    duration(option, text).toString()));
        }
        if (values.containsKey("--rules") && !values.containsKey("--scenarios")) {
            // The scenarios of the rules named, not those a setting names for the service's own rules.
            overrides.put(SETTING_OF.get("--scenarios"), Path.of(values.get("--rules")).resolve("tests").toString());
        }
        if (switches.contains("--no-rule-cache")) {
            overrides.put("pager-policy.rule-cache.enabled", "false");
        }
        try {
            return ServiceConfiguration.read(overrides);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the service's configuration (environment, -D or"
                    + " application.properties) is not valid: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
    }

    /**
     * Reads a command's arguments with picocli, from a specification of the options {@code command} takes; picocli's
     * complaints are put in this tool's words, which the docs promise.
     */
    static Options parse(String command, String[] args) {
        Set<String> taken = TAKEN_BY.get(command);
        CommandSpec spec = CommandSpec.create().name(command);
        taken.stream().sorted().forEach(option -> spec.addOption(OptionSpec.builder(option)
                .arity(WITH_VALUE.contains(option) ? "1" : "0").type(WITH_VALUE.contains(option) ? String.class
                        : boolean.class).build()));
        CommandLine line = new CommandLine(spec).setOverwrittenOptionsAllowed(true).setUnmatchedOptionsArePositionalParams(false);
        ParseResult parsed;
        try {
            parsed = line.parseArgs(args);
        } catch (UnmatchedArgumentException e) {
            String arg = e.getUnmatched().get(0);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            throw new IllegalArgumentException(WITH_VALUE.contains(option) || isSwitch(option)
                    ? command + " does not take " + option + " (" + takers(option) + ")"
                    : "unknown option \"" + arg + "\"");
        } catch (MissingParameterException e) {
            throw new IllegalArgumentException(((OptionSpec) e.getMissing().get(0)).longestName() + " needs a value");
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new java.util.HashSet<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (WITH_VALUE.contains(option.longestName())) {
                values.put(option.longestName(), option.getValue());
            } else {
                switches.add(option.longestName());
            }
        }
        Options options = new Options(values, switches);
        options.validate();
        return options;
    }

    private static boolean isSwitch(String arg) {
        return TAKEN_BY.values().stream().anyMatch(options -> options.contains(arg));
    }

    /** "test does", "explore and diff do". */
    private static String takers(String option) {
        List<String> commands = new ArrayList<>();
        TAKEN_BY.forEach((command, options) -> {
            if (options.contains(option)) {
                commands.add(command);
            }
        });
        String names = commands.size() == 1 ? commands.get(0)
                : String.join(", ", commands.subList(0, commands.size() - 1)) + " and " + commands.get(commands.size() - 1);
        return names + (commands.size() == 1 ? " does" : " do");
    }

    /** Reads every value once, so that a malformed one is a usage error before any work starts. */
    private void validate() {
        minCoverage();
        format();
        since();
        until();
    }

    Path rules() {
        return Path.of(config.rulesDir());
    }

    Path policies() {
        return Path.of(config.policiesDir());
    }

    Path scenarios() {
        return Engine.scenariosDir(config);
    }

    /** The gate as the service builds it from the same configuration: what {@code test} runs. */
    RuleSetVerifier gate() {
        return Engine.verifier(config, StandaloneValidator.get(), Clock.systemUTC(), evaluator());
    }

    /** The rule-set loader the service uses, with the configured cache. */
    RuleSetLoader loader() {
        return Engine.loader(config, StandaloneValidator.get(), Clock.systemUTC());
    }

    Path config() {
        return required("--config");
    }

    /** The original Alertmanager configuration, when one is named. */
    Optional<Path> optionalConfig() {
        return path("--config");
    }

    /** The file to write, which must not be a directory. */
    Path outFile() {
        Path out = required("--out");
        if (java.nio.file.Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; name the file to write");
        }
        return out;
    }

    Path receivers() {
        return required("--receivers");
    }

    Path out() {
        return required("--out");
    }

    Optional<Path> junitXml() {
        return path("--junit-xml");
    }

    Optional<Path> json() {
        return path("--json");
    }

    boolean allowEmpty() {
        return switches.contains("--allow-empty");
    }

    boolean coverage() {
        return switches.contains("--coverage") || values.containsKey("--min-coverage");
    }

    Optional<Double> minCoverage() {
        return Optional.ofNullable(values.get("--min-coverage")).map(Options::percent);
    }

    /** text (the default), json or markdown. */
    String format() {
        String format = values.getOrDefault("--format", "text");
        if (!Set.of("text", "json", "markdown").contains(format)) {
            throw new IllegalArgumentException("--format is text, json or markdown, not \"" + format + "\"");
        }
        return format;
    }

    /** The rules and policies to compare against, for {@code diff}: both must be given. */
    Path baseRules() {
        return required("--base-rules");
    }

    Path basePolicies() {
        return required("--base-policies");
    }

    boolean failOnChange() {
        return switches.contains("--fail-on-change");
    }

    Path decisions() {
        return required("--decisions");
    }

    Optional<Instant> since() {
        return instant("--since");
    }

    Optional<Instant> until() {
        return instant("--until");
    }

    /** How long an alert never resolved counted as firing, as the service was configured. */
    Duration resolveTimeout() {
        return config.correlation().resolveTimeout();
    }

    /** The evaluator the service would decide with, given the same limits. */
    Evaluator evaluator() {
        return Engine.evaluator(config);
    }

    private Optional<Path> path(String option) {
        return Optional.ofNullable(values.get(option)).map(Path::of);
    }

    private Path required(String option) {
        return path(option).orElseThrow(() -> new IllegalArgumentException(option + " is required"));
    }

    private Optional<Instant> instant(String option) {
        try {
            return Optional.ofNullable(values.get(option)).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " needs a time such as 2026-11-27T09:00:00Z, not \""
                    + values.get(option) + "\"");
        }
    }

    private static Set<String> with(List<String> first, List<String> second, List<String> third) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        return Set.copyOf(all);
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

    /** As the service's configuration writes durations: 500ms, 2s, 5m, or ISO-8601 (PT0.5S). */
    private static Duration duration(String option, String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (!text.startsWith("P") && (text.endsWith("s") || text.endsWith("m"))) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return text.endsWith("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
            }
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " needs a duration such as 500ms, 2s, 5m or PT0.5S,"
                    + " not \"" + text + "\"");
        }
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
