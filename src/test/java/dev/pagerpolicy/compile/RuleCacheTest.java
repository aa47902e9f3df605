package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioLoader;
import dev.pagerpolicy.gate.ScenarioResult;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled rules on disk, one entry per compile unit (here: per file): used in place of a compile, keyed by
 * content, never able to change a decision.
 */
class RuleCacheTest {
    private static final String EXTRA_RULE = """
            package rules

            rule "An extra rule"
            when
                eval(false)
            then
            end
            """;

    @TempDir
    Path dir;
    Path cacheDir;
    Path rules;
    Path policies;

    /**
     * The shipped policies with two of the shipped rule files, data.drl and guardrails.drl (six rules): each test
     * compiles into a cache of its own, and what a cache does is the same for two files as for six.
     */
    @BeforeEach
    void twoShippedRuleFiles() {
        Packs.copyShippedWithTwoRuleFiles(dir);
        rules = dir.resolve("rules");
        policies = dir.resolve("policies");
        cacheDir = dir.resolve("cache");
    }

    private RuleSet load(RuleCache cache) throws InvalidSourceException {
        return new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), cache).load(rules, policies);
    }

    private List<String> entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Two files, neither of which shares declarations with the other: two units. */
    private static final int FILES = 2;
    private static final int RULES = 6;

    private static List<RuleFile> ruleFiles(Path rulesDir) {
        List<RuleFile> files = RuleSetLoader.readRuleFiles(rulesDir, new TreeMap<>(), new ArrayList<>());
        assertThat(files).isNotEmpty();
        return files;
    }

    @Test
    void aCompileIsKeptAndTheSameTextsAreLoadedFromTheCache() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 10);
        load(cache);
        List<String> afterCompile = entries();
        assertThat(afterCompile).hasSize(FILES).allMatch(name -> name.endsWith(".rules.zip"));

        RuleSet fromCache = load(cache);
        assertThat(entries()).isEqualTo(afterCompile);
        assertThat(fromCache.ruleNames()).hasSize(RULES);
    }

    @Test
    void rulesLoadedFromTheCacheDecideEveryShippedScenarioAsCompiledRulesDo() throws Exception {
        Packs.copyShipped(dir);
        RuleCache cache = RuleCache.in(cacheDir, 10);
        load(cache);
        RuleSet fromCache = load(cache);
        ScenarioRunner runner = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC());
        List<ScenarioResult> results = runner.runAll(fromCache,
                ScenarioLoader.load(rules.resolve("tests"), StandaloneValidator.get()));
        assertThat(results).hasSize(55).allSatisfy(result -> assertThat(result.passed()).as(result::failureLine).isTrue());
    }

    @Test
    void theCacheIsConsultedBeforeCompiling() throws Exception {
        // An entry filed under a shipped file's key but holding other rules is what gets loaded: which is why the
        // cache directory must be as trusted as the rules directory.
        RuleCache cache = RuleCache.in(cacheDir, 10);
        cache.put(keyOf("guardrails.drl"), extraRuleCompiled());

        // guardrails.drl's two rules give way to the one the entry holds.
        assertThat(load(cache).ruleNames()).hasSize(RULES - 2 + 1).contains("An extra rule")
                .doesNotContain("Non-production alerts never page");
    }

    @Test
    void editingOneFileCompilesThatFileAndLoadsTheOthers() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 10);
        load(cache);
        // Planted under data.drl's key: loaded instead of data.drl's rules only if data.drl is not compiled again.
        cache.put(keyOf("data.drl"), extraRuleCompiled());
        Packs.edit(rules.resolve("guardrails.drl"), "Non-production alerts never page", "Non-production alerts are tickets");

        assertThat(load(cache).ruleNames()).contains("An extra rule", "Non-production alerts are tickets")
                .doesNotContain("Non-production alerts never page", "Data problems are a ticket for data engineering");
        assertThat(entries()).hasSize(FILES + 1);
    }

    /** The cache key of a file of the rules directory as it reads now: a file is a compile unit of its own. */
    private String keyOf(String fileName) throws IOException {
        Path file = rules.resolve(fileName);
        return RuleCacheKey.of(List.of(new RuleFile(file.toString(), Files.readString(file)))).orElseThrow();
    }

    private GeneratedRules extraRuleCompiled() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("only.drl"), EXTRA_RULE);
        return compileAndGet(other);
    }

    private GeneratedRules compileAndGet(Path rulesDir) throws Exception {
        RuleCache scratch = RuleCache.in(dir.resolve("scratch"), 5);
        new RuleCompiler(scratch).compile(ruleFiles(rulesDir));
        return scratch.get(RuleCacheKey.of(ruleFiles(rulesDir)).orElseThrow()).orElseThrow();
    }

    @Test
    void aChangedRuleIsCompiledAgainUnderANewKey() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 10);
        load(cache);
        Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE);
        RuleSet changed = load(cache);
        assertThat(changed.ruleNames()).contains("An extra rule").hasSize(RULES + 1);
        assertThat(entries()).hasSize(FILES + 1);
    }

    @Test
    void anUnreadableEntryIsIgnoredAndReplaced() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 10);
        load(cache);
        Path entry = cacheDir.resolve(entries().get(0));
        Files.writeString(entry, "not a zip");

        assertThat(load(cache).ruleNames()).hasSize(RULES);
        assertThat(GeneratedRules.fromZip(Files.readAllBytes(entry)).modelClasses()).isNotEmpty();
    }

    @Test
    void theLeastRecentlyUsedEntriesAreDeletedBeyondTheLimit() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, FILES + 1);
        Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE);
        load(cache);
        String firstExtra = keyOf("extra.drl");
        // The entries used next must be more recent than the first version of extra.drl, whatever the clock's
        // resolution and however fast the machine: it was last used an hour ago.
        Files.setLastModifiedTime(cacheDir.resolve(firstExtra + ".rules.zip"),
                FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE.replace("An extra rule", "Another extra rule"));
        load(cache);

        assertThat(entries()).hasSize(FILES + 1).doesNotContain(firstExtra + ".rules.zip");
        assertThat(cache.get(keyOf("extra.drl"))).isPresent();
    }

    @Test
    void aFileThatDoesNotCompileIsNotCached() throws Exception {
        Files.writeString(rules.resolve("extra.drl"), "package rules\nrule \"Broken\" when Alert( then end\n");
        assertThrows(InvalidSourceException.class, () -> load(RuleCache.in(cacheDir, 10)));
        assertThat(entries()).hasSize(FILES)
                .doesNotContain(keyOf("extra.drl") + ".rules.zip");
    }

    @Test
    void aDirectoryOthersMayWriteToIsNotUsed() throws Exception {
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuleCache cache = RuleCache.in(cacheDir, 10);
        assertThat(load(cache).ruleNames()).hasSize(RULES);
        assertThat(entries()).isEmpty();

        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        load(cache);
        assertThat(entries()).hasSize(FILES);
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsNotUsedAndTheRulesAreCompiled() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "changing a file's owner needs root");
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(cacheDir, "unix:uid", 4242);
        assertThat(load(RuleCache.in(cacheDir, 10)).ruleNames()).hasSize(RULES);
        assertThat(entries()).isEmpty();
    }

    @Test
    void anEntryThatCannotBeMovedIntoPlaceLeavesNoPartialFileBehind() throws Exception {
        // A directory where the entry should go: the compiled rules cannot be moved there.
        Files.createDirectories(cacheDir.resolve(keyOf("data.drl") + ".rules.zip").resolve("in-the-way"));
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        load(RuleCache.in(cacheDir, 10));
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void aNewCacheDirectoryIsPrivateToItsOwner() throws Exception {
        load(RuleCache.in(cacheDir, 10));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
    }

    @Test
    void aDisabledCacheWritesNothing() throws Exception {
        assertThat(load(RuleCache.disabled()).ruleNames()).hasSize(RULES);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTime() throws Exception {
        Files.writeString(cacheDir, "a file where the directory should be");
        assertThat(load(RuleCache.in(cacheDir, 10)).ruleNames()).hasSize(RULES);
    }
}
