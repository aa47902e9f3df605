package dev.pagerpolicy.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Dispatches the CI commands. Exit codes: 0 good, 1 the rules or scenarios are not, 2 bad usage. */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final Set<String> COMMANDS = Set.of("check", "test");

    private Cli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static int run(String[] args, PrintStream out) {
        // Commands report their own results; the rule engine's build chatter would only bury them.
        Logger.getLogger("org.drools").setLevel(Level.SEVERE);
        Logger.getLogger("org.kie").setLevel(Level.SEVERE);
        Logger.getLogger("org.drools.compiler.kie.builder.impl").setLevel(Level.OFF);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Options options = Options.parse(rest);
            return switch (args[0]) {
                case "check" -> new CheckCommand(options, out).run();
                case "test" -> new TestCommand(options, out).run();
                default -> USAGE;
            };
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
    }

    static final String USAGE_TEXT = """
            usage: check [--rules DIR] [--policies DIR] [--rule-cache DIR | --no-rule-cache]
                   test  [--rules DIR] [--policies DIR] [--scenarios DIR] [--junit-xml FILE] [--json FILE]
                         [--allow-empty] [--coverage] [--min-coverage PERCENT] [--rule-cache DIR | --no-rule-cache]""";
}
