package dev.pagerpolicy.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.jboss.logmanager.ExtLogRecord;

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
        Logger ours = Logger.getLogger("dev.pagerpolicy");
        Handler warnings = warningsToStandardError();
        ours.addHandler(warnings);
        ours.setUseParentHandlers(false);
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
        } finally {
            ours.removeHandler(warnings);
            ours.setUseParentHandlers(true);
        }
    }

    /**
     * Commands run without the service's logging set up, which would hold every record back for good: the
     * engine's warnings (an unwritable rule cache, say) go to standard error instead, as "warn: ...".
     */
    private static Handler warningsToStandardError() {
        Handler stderr = new StreamHandler(System.err, new Formatter() {
            @Override
            public String format(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatMessage(record);
                return record.getLevel().getName().toLowerCase(Locale.ROOT) + ": " + message + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        stderr.setLevel(Level.WARNING);
        return stderr;
    }

    static final String USAGE_TEXT = """
            usage: check [--rules DIR] [--policies DIR] [--rule-cache DIR | --no-rule-cache]
                   test  [--rules DIR] [--policies DIR] [--scenarios DIR] [--junit-xml FILE] [--json FILE]
                         [--allow-empty] [--coverage] [--min-coverage PERCENT] [--rule-cache DIR | --no-rule-cache]""";
}
