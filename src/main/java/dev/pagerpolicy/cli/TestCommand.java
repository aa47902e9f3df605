package dev.pagerpolicy.cli;

import dev.pagerpolicy.gate.Coverage;
import dev.pagerpolicy.gate.InvariantGate;
import dev.pagerpolicy.gate.ScenarioResult;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code test}: runs every scenario against the rules and policies, prints one line per failure and a
 * closing {@code N passed, N failed}, and optionally writes JUnit XML and JSON reports.
 */
final class TestCommand {
    private final Options options;
    private final PrintStream out;

    TestCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        RuleSetVerifier.GateRun gate;
        try {
            gate = options.gate().run();
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            out.println("0 passed, 0 failed (" + e.problems().size() + " problems in the files)");
            return Cli.FAILED;
        }
        RuleSet ruleSet = gate.ruleSet();
        List<ScenarioResult> results = gate.scenarios();
        results.stream().filter(r -> !r.passed()).forEach(r -> out.println("FAIL " + r.failureLine()));
        results.stream().filter(ScenarioResult::inconclusive).forEach(r -> out.println("INCONCLUSIVE "
                + r.inconclusiveLine()));

        boolean ok = true;
        Coverage coverage = Coverage.of(ruleSet, results);
        if (options.coverage()) {
            out.printf("coverage: %d of %d rules fired (%.1f%%)%n", coverage.firedCount(), coverage.total(),
                    coverage.percent());
            coverage.notFired().forEach(rule -> out.println("  not fired: " + rule));
            if (options.minCoverage().isPresent() && coverage.percent() < options.minCoverage().get()) {
                out.printf("coverage %.1f%% is below the minimum of %.1f%%%n", coverage.percent(),
                        options.minCoverage().get());
                ok = false;
            }
        }
        if (results.isEmpty() && !options.allowEmpty()) {
            out.println("no scenario found in " + options.scenarios() + " (use --allow-empty if that is intended)");
            ok = false;
        }
        if (!writeReports(results, coverage, ruleSet)) {
            ok = false;
        }
        Optional<InvariantGate.Verdict> invariants = gate.invariants();
        invariants.ifPresent(verdict -> {
            verdict.violated().forEach(r -> out.println("FAIL " + r.problem()));
            verdict.results().stream().filter(r -> r.inconclusive() > 0)
                    .forEach(r -> out.println("INCONCLUSIVE " + r.inconclusiveLine()));
        });
        long violated = invariants.map(verdict -> verdict.violated().size()).orElse(0);
        long inconclusive = results.stream().filter(ScenarioResult::inconclusive).count();
        long passed = results.stream().filter(ScenarioResult::passed).count() - inconclusive;
        long failed = results.size() - passed - inconclusive;
        out.println(passed + " passed, " + failed + " failed" + (inconclusive == 0 ? "" : ", " + inconclusive
                + " inconclusive") + invariants.map(verdict -> verdict.stated() == 0 ? ""
                : "; invariants: " + (verdict.stated() - violated) + " hold, " + violated + " violated"
                + (verdict.remembered() ? " (as when these files were last checked)" : ""))
                .orElse("; invariants: not checked, since a scenario failed"));
        return ok && failed == 0 && violated == 0 ? Cli.OK : Cli.FAILED;
    }

    private boolean writeReports(List<ScenarioResult> results, Coverage coverage, RuleSet ruleSet) {
        try {
            if (options.junitXml().isPresent()) {
                write(options.junitXml().get(), JUnitXmlReport.render(results, ruleSet.version()));
            }
            if (options.json().isPresent()) {
                write(options.json().get(), JsonReport.render(results, coverage, ruleSet.version()));
            }
            return true;
        } catch (IOException e) {
            out.println("cannot write report: " + e.getMessage());
            return false;
        }
    }

    private static void write(Path path, String content) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, content);
    }
}
