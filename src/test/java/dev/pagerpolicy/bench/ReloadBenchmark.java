package dev.pagerpolicy.bench;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.engine.RuleCache;
import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.engine.RuleSetLoader;
import dev.pagerpolicy.source.InvalidSourceException;
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
 * and the shipped pack plus 1,000 rules. Each measured iteration is one build in a JVM that has already
 * built a few, as in a running service. {@code cache=off} compiles every time (rules that changed);
 * {@code cache=warm} loads what an earlier build kept (rules compiled before, e.g. at the previous start).
 * Run with bench/jmh.sh ReloadBenchmark.
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

    @Param({"off", "warm"})
    public String cache;

    private Path dir;
    private RuleSetLoader loader;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        BenchLogging.quiet();
        dir = pack.equals("shipped") ? Path.of(".") : SyntheticPacks.withExtraRules(1000);
        RuleCache ruleCache = cache.equals("off") ? RuleCache.disabled()
                : RuleCache.in(Files.createTempDirectory("pager-policy-bench-cache"), 2);
        loader = new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), ruleCache);
    }

    @Benchmark
    public RuleSet build() throws InvalidSourceException {
        return loader.load(dir.resolve("rules"), dir.resolve("policies"));
    }
}
