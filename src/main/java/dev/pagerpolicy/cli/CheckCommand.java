package dev.pagerpolicy.cli;

import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.engine.RuleSetLoader;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.PrintStream;
import java.time.Clock;

/** {@code check}: compiles the rules and validates the policies, exactly as the service does at start-up. */
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
        return new RuleSetLoader(StandaloneValidator.get(), Clock.systemUTC(), options.ruleCache())
                .load(options.rules(), options.policies());
    }
}
