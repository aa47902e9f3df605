package dev.pagerpolicy.cli;

import dev.pagerpolicy.analysis.Exploration;
import dev.pagerpolicy.analysis.ExploreReport;
import dev.pagerpolicy.analysis.Finding;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.Invariant;
import dev.pagerpolicy.gate.InvariantFile;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code explore}: evaluates every alert the catalog allows and reports gaps, failures, dead rules, who can be
 * woken, and the invariants; exit 1 when there is a gap, a failure or a violated invariant.
 */
final class ExploreCommand {
    private final Options options;
    private final PrintStream out;

    ExploreCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    int run() {
        RuleSet ruleSet;
        Domain domain;
        List<Invariant> invariants;
        try {
            ruleSet = CheckCommand.load(options);
            domain = Domain.of(ruleSet, DomainSpec.load(options.scenarios()));
            invariants = InvariantFile.load(options.scenarios(), ruleSet.catalog());
        } catch (InvalidSourceException e) {
            e.problems().forEach(out::println);
            return Cli.FAILED;
        }
        Explorer explorer = new Explorer(options.evaluator().forGate(), Explorer.availableThreads());
        ExploreReport report = new Exploration(explorer).run(ruleSet, domain, invariants);
        Outline.print(options, out, report, () -> outline(report));
        return report.clean() ? Cli.OK : Cli.FAILED;
    }

    static Outline outline(ExploreReport report) {
        Outline outline = new Outline();
        outline.heading(String.format("explored %,d classes of alerts (%,d shapes × 5 severities × %,d times: the week"
                        + " of %s every %s%s) in %.1f s; policy version %s", report.inputClasses(), report.alertShapes(),
                report.times(), report.week(), report.step().substring(2).toLowerCase(),
                report.calendar().isEmpty() ? "" : ", " + report.calendar().size() + " days and windows of the calendars",
                report.tookMillis() / 1000.0, report.policyVersion()));
        if (report.timesEvaluated() < report.times()) {
            outline.item(String.format("evaluated at %,d of the %,d times (%.1fx fewer): the others are times the"
                            + " calendars answer alike, which the rules cannot tell apart", report.timesEvaluated(),
                    report.times(), (double) report.times() / report.timesEvaluated()));
        }
        if (report.rulesRun() < report.inputClasses()) {
            outline.item(String.format("ran the rules for %,d of the %,d classes (%.1fx fewer): the others are services"
                            + " and times the rules cannot tell apart from one that ran", report.rulesRun(),
                    report.inputClasses(), (double) report.inputClasses() / Math.max(1, report.rulesRun())));
        }
        report.calendar().forEach(moment -> outline.item("also explored: " + moment));
        report.labelled().forEach(labels -> outline.item("also explored: alerts " + labels));
        findings(outline, "gaps: alerts no rule decides", report.gaps());
        findings(outline, "failures: alerts for which the rules throw, loop, time out or conflict", report.failures());
        outline.heading("dead rules: rules no alert of the domain fires" + (report.deadRules().isEmpty() ? ": none" : ""));
        report.deadRules().forEach(rule -> outline.item("\"" + rule + "\""));
        outline.heading("who can be woken: alerts that page a team at once outside its business hours"
                + (report.woken().isEmpty() ? ": nobody" : ""));
        report.woken().forEach((team, wakes) -> {
            outline.item(String.format("%s: %,d classes of alerts", team, wakes.inputClasses()));
            wakes.alerts().forEach(finding -> outline.subItem(finding.alerts() + ", " + finding.when()
                    + (finding.what().equals("paged at once") ? "" : " (" + finding.what() + ")")));
        });
        invariants(outline, report.invariants());
        outline.heading(report.clean() ? "result: no gaps, no failures, every invariant holds"
                : String.format("result: %d gap lines, %d failure lines, %d violated invariants", report.gaps().size(),
                report.failures().size(), report.invariants().stream().filter(i -> !i.holds()).count()));
        return outline;
    }

    private static void findings(Outline outline, String title, List<Finding> findings) {
        outline.heading(title + (findings.isEmpty() ? ": none" : String.format(" (%,d classes of alerts)",
                findings.stream().mapToLong(Finding::inputClasses).sum())));
        findings.forEach(finding -> outline.item(finding.text()));
    }

    static void invariants(Outline outline, List<InvariantResult> results) {
        if (results.isEmpty()) {
            outline.heading("invariants: none stated (write them in " + InvariantFile.FILE + " beside the scenarios)");
            return;
        }
        long violated = results.stream().filter(r -> !r.holds()).count();
        outline.heading("invariants: " + (results.size() - violated) + " hold, " + violated + " violated");
        for (InvariantResult result : results) {
            if (result.holds()) {
                outline.item(String.format("holds: %s (%,d alerts)", result.name(), result.checked()));
            } else if (result.checksNothing()) {
                outline.item(String.format("CHECKS NOTHING: %s (%s:%d): its when matches no alert of the domain",
                        result.name(), result.file(), result.line()));
            } else {
                outline.item(String.format("VIOLATED: %s (%s:%d): %,d of %,d alerts, e.g.", result.name(),
                        result.file(), result.line(), result.violations(), result.checked()));
                result.counterexamples().forEach(outline::subItem);
            }
        }
    }
}
