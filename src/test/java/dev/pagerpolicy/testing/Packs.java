package dev.pagerpolicy.testing;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/** The shipped rules and policies, and copies of them in a temporary directory that a test may break. */
public final class Packs {
    public static final Path RULES = Path.of("rules");
    public static final Path POLICIES = Path.of("policies");

    private Packs() {
    }

    public static RuleSet shipped() {
        return load(RULES, POLICIES);
    }

    public static RuleSet load(Path rules, Path policies) {
        try {
            return loader().load(rules, policies);
        } catch (InvalidSourceException e) {
            throw new AssertionError("the pack should load:\n" + e.getMessage(), e);
        }
    }

    /** Compiled rules are cached under target/, as the tests' service does: the same texts compile once per build. */
    public static final RuleCache RULE_CACHE = RuleCache.in(Path.of("target", "rule-cache"),
            RuleCache.DEFAULT_MAX_ENTRIES);

    public static RuleSetLoader loader() {
        return new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), RULE_CACHE);
    }

    /** Copies the shipped rules (with their scenarios) and policies into {@code dir}/rules and {@code dir}/policies. */
    public static void copyShipped(Path dir) {
        copyTree(RULES, dir.resolve("rules"));
        copyTree(POLICIES, dir.resolve("policies"));
    }

    /**
     * Copies the shipped policies and scenarios into {@code dir}, with data.drl and guardrails.drl (six rules) the only
     * rule files: a pack that compiles in about two thirds of the shipped pack's time (1.5 s against 2.3 s in a
     * {@code check} with an empty cache), for tests of what compiling does, not of what the shipped rules decide.
     */
    public static void copyShippedWithTwoRuleFiles(Path dir) {
        copyShipped(dir);
        try {
            for (String other : List.of("correlation.drl", "model-health.drl", "service-health.drl", "sla-tiers.drl")) {
                Files.delete(dir.resolve("rules").resolve(other));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary directory named from {@code prefix}, holding a copy of the shipped rules and policies. */
    public static Path shippedCopy(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            copyShipped(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tier-2 pages acknowledged within 10 minutes instead of 15, with the shipped scenarios that say so: a good
     * change of the pack in {@code dir}, whose rule set has another version.
     */
    public static void useTenMinuteTier2Acks(Path dir) {
        edit(dir.resolve("policies/sla-tiers.yaml"), "ackWithin: PT15M", "ackWithin: PT10M");
        edit(dir.resolve("rules/tests/service-health.yaml"), "ackWithin: PT15M\n    escalation",
                "ackWithin: PT10M\n    escalation");
        edit(dir.resolve("rules/tests/service-health.yaml"), "ackWithin: PT15M", "ackWithin: PT10M");
    }

    /** Replaces the first occurrence of {@code from} in a file, failing loudly if it is not there. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new AssertionError(file + " does not contain: " + from);
            }
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree, replacing files that are there. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
