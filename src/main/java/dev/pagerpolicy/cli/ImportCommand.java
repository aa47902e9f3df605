package dev.pagerpolicy.cli;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioLoader;
import dev.pagerpolicy.gate.ScenarioResult;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.importer.AlertmanagerConfig;
import dev.pagerpolicy.importer.ImportedPack;
import dev.pagerpolicy.importer.Receivers;
import dev.pagerpolicy.importer.Route;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code import alertmanager}: writes a rule pack that routes as an Alertmanager configuration does, then loads it
 * and runs its scenarios as {@code test} would, so that what it wrote is known to work.
 */
final class ImportCommand {
    private final Options options;
    private final PrintStream out;

    private ImportCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || !args[0].equals("alertmanager")) {
            throw new IllegalArgumentException("import needs what to import: import alertmanager --config FILE"
                    + " --receivers FILE --out DIR");
        }
        return new ImportCommand(Options.parse("import alertmanager", Arrays.copyOfRange(args, 1, args.length)), out)
                .run();
    }

    private int run() {
        Path dir = options.out();
        if (holdsAPack(dir)) {
            out.println("error: " + dir + " already holds rules/ or policies/; import into a new directory");
            return Cli.FAILED;
        }
        ImportedPack.Summary summary;
        try {
            AlertmanagerConfig config = AlertmanagerConfig.read(options.config());
            summary = ImportedPack.write(config, Receivers.read(options.receivers()), dir);
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + "; nothing written");
            return Cli.FAILED;
        }
        out.println("imported " + options.config() + " into " + dir + ":");
        out.println("  rules/" + ImportedPack.RULE_FILE + ": " + summary.rules() + " rules");
        out.println("  policies/: teams " + String.join(", ", summary.teams()) + " (give them their time zones and"
                + " business hours in teams.yaml)");
        for (Route route : summary.unreachable()) {
            out.println("  no rule for the route at " + options.config().getFileName() + ":" + route.line()
                    + " (receiver " + route.receiver() + "): no alert ends there (an earlier route, or one of its"
                    + " own, takes every alert that reaches it)");
        }
        int failed = runScenarios(dir, summary.scenarios());
        out.println("stays in Alertmanager: " + String.join("; ", summary.staysInAlertmanager()));
        return failed == 0 ? Cli.OK : Cli.FAILED;
    }

    /** Loads what was written and runs its scenarios: the pack must route as the tree does. */
    private int runScenarios(Path dir, int written) {
        try {
            RuleSet ruleSet = new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), RuleCache.disabled())
                    .load(dir.resolve("rules"), dir.resolve("policies"));
            List<ScenarioResult> results = new ScenarioRunner(Evaluator.withDefaults(), Clock.systemUTC())
                    .runAll(ruleSet, ScenarioLoader.load(dir.resolve("rules/tests"), StandaloneValidator.get()));
            List<ScenarioResult> failed = results.stream().filter(r -> !r.passed()).toList();
            out.println("  rules/tests/" + ImportedPack.SCENARIO_FILE + ": " + written + " scenarios, "
                    + (results.size() - failed.size()) + " pass");
            failed.forEach(r -> out.println(r.failureLine()));
            return failed.size();
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            return e.problems().size();
        }
    }

    private static boolean holdsAPack(Path dir) {
        try (Stream<Path> entries = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return entries.anyMatch(p -> p.getFileName().toString().equals("rules")
                    || p.getFileName().toString().equals("policies"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
