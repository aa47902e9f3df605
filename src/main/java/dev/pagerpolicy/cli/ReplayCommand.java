package dev.pagerpolicy.cli;

import dev.pagerpolicy.analysis.Replay;
import dev.pagerpolicy.analysis.ReplayReport;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * {@code replay}: the decision log decided again with the given rules and policies; what would differ. Exit 0
 * whatever changed (a replay informs a review; {@code diff --fail-on-change} is the gate), 1 when the rules
 * are invalid or the log cannot be read.
 */
final class ReplayCommand {
    private final Options options;
    private final PrintStream out;

    ReplayCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        if (!Files.isReadable(options.decisions())) {
            out.println("cannot read the decisions " + options.decisions());
            return Cli.FAILED;
        }
        RuleSet ruleSet;
        try {
            ruleSet = CheckCommand.load(options);
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            return Cli.FAILED;
        }
        boolean terminal = System.console() != null;
        ReplayReport report;
        try {
            report = new Replay(options.evaluator(), ruleSet, options.since(), options.until(),
                    options.resolveTimeout())
                    .run(options.decisions(), read -> {
                        if (terminal) {
                            System.err.printf("\r%,d decisions read", read);
                        }
                    });
        } catch (IOException e) {
            out.println("cannot read the decisions " + options.decisions() + ": " + e.getMessage());
            return Cli.FAILED;
        }
        if (terminal) {
            System.err.print("\r");
        }
        Outline.print(options, out, report, () -> outline(report));
        return Cli.OK;
    }

    static Outline outline(ReplayReport report) {
        Outline outline = new Outline();
        outline.heading(String.format("replayed %,d of %,d decisions with policy version %s in %.1f s: %,d would"
                        + " differ", report.replayed(), report.lines(), report.policyVersion(),
                report.tookMillis() / 1000.0, report.changed()));
        if (report.withFiring() + report.resolutions() > 0) {
            outline.item(String.format("what was firing rebuilt from the log, in order: %,d decisions saw alerts still"
                    + " firing; %,d resolved alerts forgotten", report.withFiring(), report.resolutions()));
        }
        if (report.masked() + report.notAlerts() + report.outsideWindow() + report.unreadable() > 0) {
            outline.heading("not replayed");
            count(outline, report.masked(), "with masked labels, which the rules may read: cannot be replayed faithfully");
            count(outline, report.notAlerts(), "for inputs that were not alerts");
            count(outline, report.outsideWindow(), "of alerts fired outside --since/--until");
            count(outline, report.unreadable(), "lines that are not decisions");
            report.problems().forEach(outline::subItem);
        }
        if (!report.changesByAspect().isEmpty()) {
            outline.heading("changes by kind (a decision may change in several ways)");
            report.changesByAspect().forEach((aspect, n) -> outline.item(String.format("%s: %,d", aspect, n)));
            outline.heading("examples");
            report.examples().forEach(outline::item);
        }
        return outline;
    }

    private static void count(Outline outline, long n, String what) {
        if (n > 0) {
            outline.item(String.format("%,d %s", n, what));
        }
    }
}
