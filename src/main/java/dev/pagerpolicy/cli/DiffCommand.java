package dev.pagerpolicy.cli;

import dev.pagerpolicy.analysis.DiffReport;
import dev.pagerpolicy.analysis.Finding;
import dev.pagerpolicy.analysis.RuleSetDiff;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.io.PrintStream;

/**
 * {@code diff}: what a change of rules or policies does to every alert of the domain, before it ships. With
 * {@code --fail-on-change}, exit 1 when anything changed, for a CI step that requires an approved diff.
 */
final class DiffCommand {
    private final Options options;
    private final PrintStream out;

    DiffCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        RuleSet base;
        RuleSet changed;
        DomainSpec spec;
        try {
            base = options.loader()
                    .load(options.baseRules(), options.basePolicies());
        } catch (InvalidSourceException e) {
            out.println("the base rules and policies are not valid:");
            e.problems().stream().map(Problem::toString).forEach(out::println);
            return Cli.FAILED;
        }
        try {
            changed = CheckCommand.load(options);
            spec = DomainSpec.load(options.scenarios());
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            return Cli.FAILED;
        }
        DiffReport report = new RuleSetDiff(new Explorer(options.evaluator().forGate(), Explorer.availableThreads()))
                .run(base, changed, spec);
        Outline.print(options, out, report, () -> outline(report));
        return options.failOnChange() && report.anyChange() ? Cli.FAILED : Cli.OK;
    }

    static Outline outline(DiffReport report) {
        Outline outline = new Outline();
        outline.heading(String.format("%s → %s: %,d of %,d classes of alerts decided differently (%.1f s)",
                report.basePolicyVersion(), report.policyVersion(), report.changed(), report.compared(),
                report.tookMillis() / 1000.0));
        if (!report.nightPages().isEmpty()) {
            outline.heading("pages at once outside business hours, by team");
            report.nightPages().forEach((team, pages) -> outline.item(String.format("%s: %,d added, %,d removed", team,
                    pages.added(), pages.removed())));
        }
        if (!report.onlyInBase().isEmpty()) {
            outline.heading("only in the base policies (not compared)");
            report.onlyInBase().forEach(outline::item);
        }
        if (!report.onlyInChanged().isEmpty()) {
            outline.heading("only in the changed policies (not compared)");
            report.onlyInChanged().forEach(outline::item);
        }
        outline.heading("changes" + (report.changes().isEmpty() ? ": none" : ""));
        report.changes().forEach((Finding finding) -> outline.item(finding.text()));
        return outline;
    }
}
