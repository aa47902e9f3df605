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
    private static final Set<String> HELP = Set.of("help", "--help", "-h");

    private Cli() {
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
            if (HELP.contains(args[0])) {
                out.println(HELP_TEXT);
                return OK;
            }
            return switch (args[0]) {
                case "check" -> new CheckCommand(Options.parse("check", rest), out).run();
                case "test" -> new TestCommand(Options.parse("test", rest), out).run();
                case "explore" -> new ExploreCommand(Options.parse("explore", rest), out).run();
                case "diff" -> new DiffCommand(Options.parse("diff", rest), out).run();
                case "replay" -> new ReplayCommand(Options.parse("replay", rest), out).run();
                case "import" -> ImportCommand.run(rest, out);
                case "alertmanager-config" -> new AlertmanagerConfigCommand(Options.parse("alertmanager-config", rest),
                        out).run();
                default -> throw new IllegalArgumentException("\"" + args[0] + "\" is not a command; the commands"
                        + " are check, test, explore, diff, replay, import, alertmanager-config and help (without a command, the service starts)");
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

    private static final String SYNOPSIS = String.join("\n",
            "  check [--rules DIR] [--policies DIR] [--scenarios DIR] [--rule-cache DIR | --no-rule-cache]",
            "  test  [--rules DIR] [--policies DIR] [--scenarios DIR] [--junit-xml FILE] [--json FILE]",
            "        [--allow-empty] [--coverage] [--min-coverage PERCENT] [--rule-cache DIR | --no-rule-cache]",
            "        [--max-rule-firings N] [--evaluation-time-limit DURATION]",
            "  explore [--rules DIR] [--policies DIR] [--scenarios DIR] [--format text|json|markdown]",
            "  diff  --base-rules DIR --base-policies DIR [--rules DIR] [--policies DIR] [--scenarios DIR]",
            "        [--format text|json|markdown] [--fail-on-change]",
            "  replay --decisions FILE [--rules DIR] [--policies DIR] [--since TIME] [--until TIME]",
            "        [--resolve-timeout DURATION] [--format text|json|markdown]",
            "  import alertmanager --config alertmanager.yml --receivers receivers.yaml --out DIR",
            "  alertmanager-config --receivers receivers.yaml [--config alertmanager.yml] --out FILE",
            "  (explore, diff and replay also take --rule-cache DIR | --no-rule-cache and the limits of test)");

    static final String USAGE_TEXT = "usage:\n" + SYNOPSIS;

    static final String HELP_TEXT = """
            pager-policy: who holds the pager, and how urgently.
            Without a command, java -jar quarkus-run.jar starts the service. Commands (no port is opened):
              check  compile the rules and validate the policies; every problem as FILE:LINE: message
              test   run every scenario and invariant against the rules, as start-up and reload do; reports for CI
              explore  evaluate every alert the policies allow: gaps, failures, dead rules, who can be woken
              diff   what a change of rules or policies does to every alert, before it ships
              replay   decide a decision log again with other rules; what would differ
              import alertmanager  an Alertmanager routing tree as a rule pack that routes as Alertmanager does
              alertmanager-config  the Alertmanager configuration that delivers the decisions pager-policy forwards
              help   this text

            """ + USAGE_TEXT + "\n\nExit codes: 0 good, 1 the rules, policies, scenarios or invariants are not (explore: a gap or a failure;\ndiff --fail-on-change: a change), 2 bad usage.";
}
