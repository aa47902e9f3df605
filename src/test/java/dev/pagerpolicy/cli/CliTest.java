package dev.pagerpolicy.cli;

import static dev.pagerpolicy.cli.CommandsOnACopiedPack.bare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.cli.CommandsOnACopiedPack.Run;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.ReadsServiceSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check and test commands as CI runs them: exit codes and the lines they print. */
@ReadsServiceSettings
class CliTest {
    @TempDir
    Path dir;
    Path rules;
    Path policies;
    private CommandsOnACopiedPack commands;

    @BeforeEach
    void copyShipped() {
        commands = new CommandsOnACopiedPack(dir);
        rules = commands.rules;
        policies = commands.policies;
    }

    private Run run(String... args) {
        return commands.run(args);
    }

    @Test
    void checkPassesOnTheShippedPack() {
        Run run = run("check");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).singleElement().asString().startsWith("ok: 21 rules in " + rules + ", 4 services in ");
    }

    @Test
    void exploreOfTheShippedPackIsCleanAndSaysSo() {
        Run run = run("explore");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().get(0)).startsWith("explored 1,918,000 classes of alerts (700 shapes × 5 severities ×"
                + " 548 times: the week of 2026-01-12 every 30m, 6 days and windows of the calendars) in ");
        assertThat(run.lines()).contains("gaps: alerts no rule decides: none",
                "dead rules: rules no alert of the domain fires: none",
                "  holds: drift never pages (383,600 alerts)",
                "result: no gaps, no failures, every invariant holds");
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).matches("  ran the rules for [0-9,]+ of the"
                + " 1,918,000 classes \\([0-9.]+x fewer\\): the others are services and times the rules cannot tell"
                + " apart from one that ran"));
    }

    @Test
    void exploreFailsOnAGapAndPrintsItAsMarkdown() {
        Packs.edit(rules.resolve("model-health.drl"), "model == null, $kind : kind", "model == null, $kind : kind,"
                + " kind != AlertKind.TRAINING_PIPELINE");

        Run run = run("explore", "--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains("### gaps: alerts no rule decides (109,600 classes of alerts)",
                "- training_pipeline/critical, high of checkout-api, at any time (all week, every holiday and maintenance window): no rule decides; the fallback: page"
                        + " platform-sre (fallback)");
    }

    @Test
    void testFailsWhenAChangeBreaksAnInvariant() throws Exception {
        Packs.edit(rules.resolve("model-health.drl"), "$draft.route($ml, Action.TICKET, $ml.name() + \" has automated",
                "$draft.route($ml, Action.PAGE, $ml.name() + \" has automated");
        // Only the invariants beside the scenarios: the scenarios would fail first, and the gate stop there.
        Path invariantsOnly = Files.createDirectories(dir.resolve("invariants-only"));
        Files.copy(rules.resolve("tests/invariants.yaml"), invariantsOnly.resolve("invariants.yaml"));

        Run run = run("test", "--scenarios", invariantsOnly.toString(), "--allow-empty");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("FAIL " + invariantsOnly.resolve("invariants.yaml")
                + ":7: invariant \"drift never pages\" is violated by "));
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("0 passed, 0 failed; invariants: 6 hold, 1 violated");
    }

    @Test
    void diffFailsOnChangeOnlyWhenAskedTo() {
        Packs.edit(policies.resolve("sla-tiers.yaml"), "ackWithin: PT1H", "ackWithin: PT2H");

        Run informative = run("diff", "--base-rules", "rules", "--base-policies", "policies");
        Run gate = run("diff", "--base-rules", "rules", "--base-policies", "policies", "--fail-on-change");

        assertThat(informative.exitCode()).isZero();
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(informative.lines().get(0)).contains(": 52,608 of 1,918,000 classes of alerts decided differently");
        assertThat(run("diff", "--base-rules", "rules").lines().get(0))
                .isEqualTo("error: --base-policies is required");
    }

    @Test
    void replayReadsTheDecisionLog() {
        Run run = run("replay", "--decisions", "src/test/resources/replay/decisions.log");

        // Five alerts of churn-reports the log's rules turned into notifies while its page was held (ReplayTest).
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().get(0)).startsWith("replayed 60 of 60 decisions with policy version ")
                .endsWith(": 5 would differ");
    }

    @Test
    void checkReportsADrlSyntaxErrorWithFileAndLine() {
        Packs.edit(rules.resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided \nthen");
        Run run = run("check");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(rules.resolve("service-health.drl") + ":17: [ERR 102] Line 17:0"
                + " mismatched input 'then' in rule \"Service-health alerts page the service's on-call team\"", "1 problem");
    }

    /** The service reads the scenarios at start-up and refuses to start on these: so must check. */
    @Test
    void checkReportsAScenarioThatWouldStopTheServiceAtStartUp() {
        Packs.edit(rules.resolve("tests/correlation.yaml"), "    action: notify\n", "    action: notify\n    acktWithin: PT5M\n");

        Run run = run("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(rules.resolve("tests/correlation.yaml") + ":7: scenario #1: unknown"
                + " field \"acktWithin\" (known fields: ackWithin, action, deferred, escalation, fallback, followUps,"
                + " notBefore, notPaged, reasons, recommendations, rulesFired, target)", "1 problem");
    }

    @Test
    void checkReportsInvariantsAndADomainThatWouldStopTheServiceAtStartUp() {
        Packs.write(rules.resolve("tests/invariants.yaml"), """
                - name: nobody wakes sre-db
                  never: {target.team: sre-db}
                """);
        Packs.write(rules.resolve("tests/domain.yaml"), "week: 2026-03-24\n");

        Run run = run("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3).last().isEqualTo("2 problems");
        assertThat(run.lines().get(0)).startsWith(rules.resolve("tests/invariants.yaml") + ":2: invariant \"nobody"
                + " wakes sre-db\": never.target.team: team \"sre-db\" is not defined in the policies");
        assertThat(run.lines().get(1)).startsWith(rules.resolve("tests/domain.yaml") + ":");
    }

    @Test
    void checkReportsAnUndefinedTeam() {
        Packs.edit(policies.resolve("services.yaml"), "onCallTeam: analytics-dev", "onCallTeam: sre-db");
        Run run = run("check");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(policies.resolve("services.yaml")
                + ":21: undefined team \"sre-db\" referenced by service \"churn-reports\"", "1 problem");
    }

    @Test
    void testPassesOnTheShippedPackAndEndsWithTheCounts() {
        Run run = run("test");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).last().asString().matches("\\d+ passed, 0 failed; invariants: 7 hold, 0 violated( \\(as when these files were last checked\\))?");
    }

    @Test
    void aFailingScenarioPrintsExpectedAndGotAndExitsOne() {
        Packs.edit(rules.resolve("tests/environments.yaml"), "action: ticket", "action: page");
        Run run = run("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains("FAIL " + rules.resolve("tests/environments.yaml") + ":2: scenario \"a critical"
                + " checkout-api outage in staging is a ticket\": expected action page, got ticket (rules fired:"
                + " Service-health alerts page the service's on-call team, Non-production alerts never page)");
        // The gate stops at its first failing stage, as at start-up: the invariants are not checked.
        assertThat(run.lines()).last().asString().matches("\\d+ passed, 1 failed; invariants: not checked, since a"
                + " scenario failed");
    }

    @Test
    void theFallbackLandingOnTheExpectedTeamStillFailsAScenarioThatDoesNotExpectIt() throws Exception {
        // With its routing rule gone, the outage reaches the fallback team, which is the team expected.
        Files.delete(rules.resolve("service-health.drl"));
        Packs.write(rules.resolve("tests/only-target.yaml"), """
                - name: an outage pages platform-sre
                  at: 2026-11-25T03:00:00Z
                  alert: {kind: outage, severity: critical, service: checkout-api}
                  expect: {target: {team: platform-sre}, action: page}
                """);
        Run run = run("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains("FAIL " + rules.resolve("tests/only-target.yaml") + ":1: scenario \"an outage"
                + " pages platform-sre\": expected a decision of the rules, got the fallback: no rule decided who handles"
                + " a outage alert of critical severity for service \"checkout-api\"; the fallback team platform-sre is"
                + " paged (rules fired: none)");
    }

    @Test
    void anEmptyScenarioFolderFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-scenarios"));
        Run run = run("test", "--scenarios", empty.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "no scenario found in " + empty + " (use --allow-empty if that is intended)", "0 passed, 0 failed");
    }

    @Test
    void allowEmptyAcceptsAnEmptyScenarioFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-scenarios"));
        assertThat(run("test", "--scenarios", empty.toString(), "--allow-empty").exitCode()).isZero();
    }

    @Test
    void coverageListsRulesNoScenarioFiredAndEnforcesTheMinimum() throws Exception {
        Files.delete(rules.resolve("tests/data.yaml"));
        Run run = run("test", "--coverage", "--min-coverage", "90");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains(
                "  not fired: Critical data problems on a tier-1 service page its on-call team",
                "  not fired: Training pipeline failures are a ticket for the data scientists without ML automation");
        assertThat(run.lines()).anyMatch(line -> line.matches("coverage \\d+\\.\\d% is below the minimum of 90\\.0%"));
    }

    @Test
    void junitXmlAndJsonReportsAreWritten() throws Exception {
        Path xml = dir.resolve("reports/scenarios.xml");
        Path json = dir.resolve("reports/scenarios.json");
        Packs.edit(rules.resolve("tests/environments.yaml"), "action: ticket", "action: page");
        run("test", "--junit-xml", xml.toString(), "--json", json.toString());
        String report = Files.readString(xml);
        assertThat(report).contains("<testcase classname=\"" + rules.resolve("tests/environments.yaml")
                + "\" name=\"a critical checkout-api outage in staging is a ticket\"");
        assertThat(report).contains("<failure message=\"expected action page, got ticket\">");
        assertThat(Files.readString(json)).contains("\"failed\" : 1").contains("\"notFired\" : [ ]");
    }

    @Test
    void invalidScenarioFileIsReportedWithFileAndLine() {
        Packs.write(rules.resolve("tests/broken.yaml"), "- name: typo\n  alert: {kind: outage, severity: critical, service: x}\n  expect: {acton: page}\n");
        Run run = run("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).first().asString().isEqualTo(rules.resolve("tests/broken.yaml")
                + ":3: scenario #1: unknown field \"acton\" (known fields: ackWithin, action, deferred, escalation, fallback,"
                + " followUps, notBefore, notPaged, reasons, recommendations, rulesFired, target)");
    }

    @Test
    void ruleCacheOptionNamesWhereCompiledRulesAreKept() throws Exception {
        // Two rule files, compiled from nothing into a cache of their own.
        Packs.copyShippedWithTwoRuleFiles(dir);
        Path cache = dir.resolve("cache");
        assertThat(run("check", "--rule-cache", cache.toString()).exitCode()).isZero();
        try (var entries = java.nio.file.Files.list(cache)) {
            // One entry per compiled rule file.
            assertThat(entries.map(p -> p.getFileName().toString())).hasSize(2).allMatch(name -> name.endsWith(".rules.zip"));
        }
    }

    @Test
    void noRuleCacheKeepsNothing() {
        Packs.copyShippedWithTwoRuleFiles(dir);
        Path cache = dir.resolve("cache");
        assertThat(run("check", "--rule-cache", cache.toString(), "--no-rule-cache").exitCode()).isZero();
        assertThat(cache).doesNotExist();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(Cli.run(new String[] {"check", "--rulez", "x"}, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheCommands() {
        Run run = bare("explre");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines().get(0)).isEqualTo("error: \"explre\" is not a command; the commands are check, test"
                + ", explore, diff, replay, import, alertmanager-config and help (without a command, the service starts)");
    }

    @Test
    void helpListsTheCommandsWithOneLineEach() {
        for (String help : List.of("help", "--help", "-h")) {
            Run run = bare(help);
            assertThat(run.exitCode()).isZero();
            assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("  check  "))
                    .anySatisfy(line -> assertThat(line).startsWith("  test   "))
                    .anySatisfy(line -> assertThat(line).startsWith("  help   "));
        }
    }

    @Test
    void anOptionsValueMayFollowAnEqualsSignAndAMissingOneIsNamed() {
        Run run = bare("check", "--rules=" + rules, "--policies=" + policies,
                "--rule-cache=target/rule-cache");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().get(0)).startsWith("ok: 21 rules in " + rules);
        Run missing = bare("check", "--rules", "--policies", policies.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.lines().get(0)).isEqualTo("error: --rules needs a value");
    }

    @Test
    void checkRefusesTheOptionsOnlyTestTakes() {
        Run run = run("check", "--coverage");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines().get(0)).isEqualTo("error: check does not take --coverage (test does)");
    }

    @Test
    void testJudgesWithTheLimitsTheServiceIsGiven() {
        Run run = run("test", "--max-rule-firings", "2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("FAIL ")
                .contains("got the fallback: the rules fired 2 times without settling"));
    }


    @Test
    void aRoutingConflictFailsTheScenarioThatMeetsIt() {
        Packs.write(rules.resolve("customers.drl"), """
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Customer-impacting alerts page analytics-dev"
                when
                    Alert( severity == Severity.CRITICAL )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team("analytics-dev"), Action.PAGE, "customers are affected");
                end
                """.replace("import dev.pagerpolicy.alert.Alert", "import dev.pagerpolicy.alert.Alert\nimport dev.pagerpolicy.alert.Severity"));
        Run run = run("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("FAIL ").contains("both route this alert"
                + " at salience 0").contains("\"Customer-impacting alerts page analytics-dev\""));
    }
}
