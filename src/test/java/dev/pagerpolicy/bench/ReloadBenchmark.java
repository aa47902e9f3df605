package dev.pagerpolicy.bench;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a whole rule set from disk, as a reload does (compile, validate policies), for the shipped pack
 * and the shipped pack plus 1,000 rules in 20 files. Each measured iteration is one build in a JVM that has
 * already built a few, as in a running service. {@code cache=off} compiles every file every time;
 * {@code cache=warm} loads what an earlier build kept (rules compiled before, e.g. at the previous start);
 * {@code cache=edited} has one file changed since the last build, the common reload: that file is compiled,
 * the others are loaded. Run with bench/jmh.sh ReloadBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ReloadBenchmark {

    @Param({"shipped", "rules-1000"})
    public String pack;

    @Param({"off", "warm", "edited"})
    public String cache;

    private Path dir;
    private RuleSetLoader loader;
    private Path edited;
    private int edits;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        BenchLogging.quiet();
        // A copy of the shipped pack, since "edited" changes a file.
        dir = SyntheticPacks.withExtraRules(pack.equals("shipped") ? 0 : 1000);
        RuleCache ruleCache = cache.equals("off") ? RuleCache.disabled()
                : RuleCache.in(Files.createTempDirectory("pager-policy-bench-cache"), RuleCache.DEFAULT_MAX_ENTRIES);
        loader = new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), ruleCache);
        edited = pack.equals("shipped") ? dir.resolve("rules/guardrails.drl") : SyntheticPacks.overridesFile(dir, 7);
        if (cache.equals("edited")) {
            build(); // every file compiled once, as by the start before the edit
        }
    }

    /** A new text for one file, so that its compiled form is not in the cache; the others are unchanged. */
    @Setup(Level.Invocation)
    public void edit() throws IOException {
        if (cache.equals("edited")) {
            Files.writeString(edited, Files.readString(edited) + "\n// edit " + ++edits + "\n");
        }
    }

    @Benchmark
    public RuleSet build() throws InvalidSourceException {
        return loader.load(dir.resolve("rules"), dir.resolve("policies"));
    }
}
