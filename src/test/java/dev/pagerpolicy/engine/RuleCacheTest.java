package dev.pagerpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.scenario.ScenarioLoader;
import dev.pagerpolicy.scenario.ScenarioResult;
import dev.pagerpolicy.scenario.ScenarioRunner;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled rules on disk: used in place of a compile, keyed by content, never able to change a decision. */
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

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
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

    private static List<RuleFile> ruleFiles(Path rulesDir) {
        List<RuleFile> files = RuleSetLoader.readRuleFiles(rulesDir, new TreeMap<>(), new ArrayList<>());
        assertThat(files).isNotEmpty();
        return files;
    }

    @Test
    void aCompileIsKeptAndTheSameTextsAreLoadedFromTheCache() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 5);
        load(cache);
        List<String> afterCompile = entries();
        assertThat(afterCompile).hasSize(1).allMatch(name -> name.endsWith(".rules.zip"));

        RuleSet fromCache = load(cache);
        assertThat(entries()).isEqualTo(afterCompile);
        assertThat(fromCache.ruleNames()).hasSize(16);
    }

    @Test
    void rulesLoadedFromTheCacheDecideEveryShippedScenarioAsCompiledRulesDo() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 5);
        load(cache);
        RuleSet fromCache = load(cache);
        ScenarioRunner runner = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC());
        List<ScenarioResult> results = runner.runAll(fromCache,
                ScenarioLoader.load(rules.resolve("tests"), StandaloneValidator.get()));
        assertThat(results).hasSize(24).allSatisfy(result -> assertThat(result.passed()).as(result::failureLine).isTrue());
    }

    @Test
    void theCacheIsConsultedBeforeCompiling() throws Exception {
        // An entry filed under the shipped texts' key but holding other rules is what gets loaded: which is why
        // the cache directory must be as trusted as the rules directory.
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("only.drl"), EXTRA_RULE);
        GeneratedRules otherRules = compileAndGet(other);
        RuleCache cache = RuleCache.in(cacheDir, 5);
        cache.put(RuleCacheKey.of(ruleFiles(rules)).orElseThrow(), otherRules);

        assertThat(load(cache).ruleNames()).containsExactly("An extra rule");
    }

    private GeneratedRules compileAndGet(Path rulesDir) throws Exception {
        RuleCache scratch = RuleCache.in(dir.resolve("scratch"), 5);
        new RuleCompiler(scratch).compile(ruleFiles(rulesDir));
        return scratch.get(RuleCacheKey.of(ruleFiles(rulesDir)).orElseThrow()).orElseThrow();
    }

    @Test
    void aChangedRuleIsCompiledAgainUnderANewKey() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 5);
        load(cache);
        Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE);
        RuleSet changed = load(cache);
        assertThat(changed.ruleNames()).contains("An extra rule").hasSize(17);
        assertThat(entries()).hasSize(2);
    }

    @Test
    void anUnreadableEntryIsIgnoredAndReplaced() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 5);
        load(cache);
        Path entry = cacheDir.resolve(entries().get(0));
        Files.writeString(entry, "not a zip");

        assertThat(load(cache).ruleNames()).hasSize(16);
        assertThat(GeneratedRules.fromZip(Files.readAllBytes(entry)).modelClasses()).isNotEmpty();
    }

    @Test
    void theLeastRecentlyUsedEntriesAreDeletedBeyondTheLimit() throws Exception {
        RuleCache cache = RuleCache.in(cacheDir, 1);
        load(cache);
        Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE);
        load(cache);
        assertThat(entries()).hasSize(1);
        assertThat(cache.get(RuleCacheKey.of(ruleFiles(rules)).orElseThrow())).isPresent();
    }

    @Test
    void rulesThatDoNotCompileAreNotCached() throws Exception {
        Files.writeString(rules.resolve("extra.drl"), "package rules\nrule \"Broken\" when Alert( then end\n");
        assertThrows(InvalidSourceException.class, () -> load(RuleCache.in(cacheDir, 5)));
        assertThat(entries()).isEmpty();
    }

    @Test
    void aDirectoryOthersMayWriteToIsNotUsed() throws Exception {
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuleCache cache = RuleCache.in(cacheDir, 5);
        assertThat(load(cache).ruleNames()).hasSize(16);
        assertThat(entries()).isEmpty();

        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        load(cache);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void aNewCacheDirectoryIsPrivateToItsOwner() throws Exception {
        load(RuleCache.in(cacheDir, 5));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
    }

    @Test
    void aDisabledCacheWritesNothing() throws Exception {
        assertThat(load(RuleCache.disabled()).ruleNames()).hasSize(16);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTime() throws Exception {
        Files.writeString(cacheDir, "a file where the directory should be");
        assertThat(load(RuleCache.in(cacheDir, 5)).ruleNames()).hasSize(16);
    }
}
