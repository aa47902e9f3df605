package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems in rule files are reported as FILE:LINE: message, with Drools' own line numbers. */
class RuleCompilerTest {
    @TempDir
    Path dir;
    Path rules;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
        rules = dir.resolve("rules");
    }

    private List<String> problems() {
        InvalidSourceException e = assertThrows(InvalidSourceException.class,
                () -> Packs.loader().load(rules, dir.resolve("policies")));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        Packs.edit(rules.resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided \nthen");
        assertThat(problems()).containsExactly(rules.resolve("service-health.drl") + ":17: [ERR 102] Line 17:0"
                + " mismatched input 'then' in rule \"Service-health alerts page the service's on-call team\"");
    }

    @Test
    void unknownFieldInAConstraintNamesFileAndLine() {
        Packs.edit(rules.resolve("data.drl"), "Alert( kind == AlertKind.TRAINING_PIPELINE )",
                "Alert( kind == AlertKind.TRAINING_PIPELINE, urgency > 3 )");
        assertThat(problems()).containsExactly(rules.resolve("data.drl")
                + ":39: Unable to parse left part of expression: urgency > 3");
    }

    @Test
    void errorsInSeveralFilesAreReportedTogether() {
        Packs.edit(rules.resolve("data.drl"), "Alert( kind == AlertKind.TRAINING_PIPELINE )",
                "Alert( kind == AlertKind.TRAINING_PIPELINE, urgency > 3 )");
        Packs.edit(rules.resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided \nthen");
        assertThat(problems()).containsExactly(
                rules.resolve("data.drl") + ":39: Unable to parse left part of expression: urgency > 3",
                rules.resolve("service-health.drl") + ":17: [ERR 102] Line 17:0 mismatched input 'then' in rule"
                        + " \"Service-health alerts page the service's on-call team\"");
    }

    @Test
    void aFunctionDeclaredInOneFileServesTheRulesOfAnother() {
        Packs.write(rules.resolve("functions.drl"), """
                package rules

                function boolean isWeekendDay(String day) {
                    return day.equals("SATURDAY") || day.equals("SUNDAY");
                }
                """);
        Packs.write(rules.resolve("uses-function.drl"), """
                package rules

                rule "Uses a function of another file"
                when
                    eval( isWeekendDay("MONDAY") )
                then
                end
                """);
        assertThat(Packs.load(rules, dir.resolve("policies")).ruleNames()).contains("Uses a function of another file");
    }

    @Test
    void sameRuleNameInTwoFilesIsReportedWithBothPlaces() {
        Packs.write(rules.resolve("extra.drl"), """
                package rules

                rule "Non-production alerts never page"
                when
                then
                end
                """);
        assertThat(problems()).containsExactly(rules.resolve("guardrails.drl")
                + ":11: rule \"Non-production alerts never page\" is already defined at " + rules.resolve("extra.drl") + ":3");
    }

    @Test
    void importOutsideTheFactModelIsRefused() {
        Packs.write(rules.resolve("extra.drl"), """
                package rules

                import java.io.File
                """);
        assertThat(problems()).containsExactly(rules.resolve("extra.drl") + ":3: import \"java.io.File\" is not allowed"
                + " (rules may import dev.pagerpolicy.alert.*, dev.pagerpolicy.catalog.*, dev.pagerpolicy.decision.*,"
                + " java.time.*, java.util.*)");
    }

    @Test
    void callsThatHaveNoPlaceInARuleAreRefused() {
        Packs.write(rules.resolve("extra.drl"), """
                package rules

                rule "Shells out"
                when
                then
                    Runtime.getRuntime().exec("rm -rf /");
                    System.exit(1);
                    // System.exit in a comment is fine, and so is "System.exit" in a string.
                    String s = "System.exit";
                end
                """);
        assertThat(problems()).containsExactly(
                rules.resolve("extra.drl") + ":6: \"Runtime\" has no place in a rule: consequences only record a decision",
                rules.resolve("extra.drl") + ":7: \"System.\" has no place in a rule: consequences only record a decision");
    }

    @Test
    void emptyRulesDirectoryIsAnError() throws Exception {
        Path empty = dir.resolve("empty");
        java.nio.file.Files.createDirectories(empty);
        rules = empty;
        assertThat(problems()).containsExactly(empty + ": no .drl files found");
    }

    @Test
    void problemsInRulesAndPoliciesAreReportedTogether() {
        Packs.edit(rules.resolve("data.drl"), "rule \"Data problems are a ticket for data engineering\"\nwhen",
                "rule \"Data problems are a ticket for data engineering\"\nwhen when");
        Packs.edit(dir.resolve("policies/services.yaml"), "tier: tier-3", "tier: tier-9");
        assertThat(problems()).anyMatch(p -> p.startsWith(rules.resolve("data.drl").toString()))
                .anyMatch(p -> p.contains("undefined SLA tier \"tier-9\""));
    }

    @Test
    void theSameFilesGiveTheSameVersion() {
        assertThat(Packs.load(rules, dir.resolve("policies")).version()).isEqualTo(Packs.shipped().version());
    }

    @Test
    void anyChangeGivesANewVersion() {
        String before = Packs.load(rules, dir.resolve("policies")).version();
        Packs.edit(dir.resolve("policies/sla-tiers.yaml"), "ackWithin: PT15M", "ackWithin: PT10M");
        assertThat(Packs.load(rules, dir.resolve("policies")).version()).isNotEqualTo(before);
    }
}
