package dev.pagerpolicy.cli;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.ScenarioLoader;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}: compiles the rules, validates the policies and reads the scenarios, the invariants and the domain,
 * exactly as the service does at start-up (it runs none: that is {@code test}).
 */
final class CheckCommand {
    private final Options options;
    private final PrintStream out;

    CheckCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        try {
            RuleSet ruleSet = load(options);
            // What start-up reads beside the scenarios, checked as start-up checks it: a check that says ok must
            // mean the service starts.
            List<Problem> problems = new ArrayList<>();
            try {
                ScenarioLoader.load(options.scenarios(), StandaloneValidator.get());
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
            try {
                InvariantFile.load(options.scenarios(), ruleSet.catalog());
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
            try {
                DomainSpec.load(options.scenarios());
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new InvalidSourceException(problems);
            }
            out.println("ok: " + ruleSet.ruleNames().size() + " rules in " + options.rules() + ", "
                    + ruleSet.catalog().services().size() + " services in " + options.policies()
                    + " (policy version " + ruleSet.version() + ")");
            return Cli.OK;
        } catch (InvalidSourceException e) {
            e.problems().forEach(p -> out.println(p));
            out.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return Cli.FAILED;
        }
    }

    static RuleSet load(Options options) throws InvalidSourceException {
        return options.loader().load(options.rules(), options.policies());
    }
}
