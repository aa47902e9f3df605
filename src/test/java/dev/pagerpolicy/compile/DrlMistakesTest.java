package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The common DRL mistakes, each answered with one line: file, line of the mistake, rule, and what to do. */
class DrlMistakesTest {
    private static final String RULE = "rule \"Service-health alerts page the service's on-call team\": ";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
        file = dir.resolve("rules/service-health.drl");
    }

    private List<String> problemsAfter(String from, String to) {
        Packs.edit(file, from, to);
        InvalidSourceException refused = catchThrowableOfType(InvalidSourceException.class,
                () -> Packs.loader().load(dir.resolve("rules"), dir.resolve("policies")));
        assertThat(refused).as("the edit must be refused").isNotNull();
        return refused.problems().stream().map(Object::toString).toList();
    }

    @Test
    void aMissingEndIsReportedAtTheRuleThatLacksIt() {
        assertThat(problemsAfter("""
                holds the pager");
                end""", """
                holds the pager");""")).containsExactly(file + ":19: rule \"Service-health alerts page the service's"
                + " on-call team\" has no end: add \"end\" after its consequence, before rule \"Low and info"
                + " service-health alerts notify the on-call team\" (line 21)");
    }

    @Test
    void anUnknownFieldNamesTheFieldsThatExist() {
        assertThat(problemsAfter("severity in (Severity.CRITICAL", "severty in (Severity.CRITICAL"))
                .containsExactly(file + ":14: " + RULE + "Alert has no field \"severty\" (did you mean \"severity\"?);"
                        + " its fields are environment, firedAt, id, kind, labels, model, production, service,"
                        + " severity, signals");
    }

    @Test
    void anUnknownConstantNamesTheConstantsThatExist() {
        assertThat(problemsAfter("severity in (Severity.CRITICAL", "severity in (Severity.SEVERE"))
                .containsExactly(file + ":14: " + RULE + "Severity has no constant \"SEVERE\"; it has CRITICAL,"
                        + " HIGH, MEDIUM, LOW, INFO");
    }

    @Test
    void aWrongArgumentNamesTheMethodsSignatureAndNoGeneratedJava() {
        assertThat(problemsAfter("$draft.route($onCall, Action.PAGE,", "$draft.route(\"rides-sre\", Action.PAGE,"))
                .containsExactly(file + ":18: " + RULE + "DecisionDraft.route(Team, Action, String) cannot take"
                        + " (String, Action, String); name a team through the catalog: $catalog.team(\"rides-sre\"),"
                        + " with $catalog : Catalog() among the conditions");
    }

    @Test
    void aFactClassNotImportedNamesTheImportToAdd() {
        assertThat(problemsAfter("import dev.pagerpolicy.catalog.Service\n", ""))
                .containsExactly(file + ":14: " + RULE + "Service is not imported: add \"import"
                        + " dev.pagerpolicy.catalog.Service\" at the top of the file");
    }

    @Test
    void aConstraintThatCrashesTheCompilerIsOneProblemAtItsRule() {
        List<String> problems = problemsAfter("""
                rule "Service-health alerts page the service's on-call team"
                when
                """, """
                rule "Service-health alerts page the service's on-call team"
                when
                    Alert( !((label("owner") == null ? "" : label("owner")) == "team-A") )
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(file + ":11: " + RULE + "Drools could not compile this rule (")
                .endsWith("); rewrite its conditions more simply, e.g. without ?: inside a constraint");
    }

    @Test
    void aConstraintDroolsCannotTypeIsReportedAtItsLine() {
        List<String> problems = problemsAfter("""
                rule "Service-health alerts page the service's on-call team"
                when
                """, """
                rule "Service-health alerts page the service's on-call team"
                when
                    Alert( (label("x") == null ? "" : label("x")) == "a" )
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).isEqualTo(file + ":11: " + RULE + "Cannot coerce String a to boolean!");
    }

    @Test
    void aJavaMistakeInAConsequenceIsReportedAtItsRule() {
        // Drools reports the generated Java's error with no file: the file and rule that fail alone are found.
        List<String> problems = problemsAfter("""
                then
                    $draft.route($onCall, Action.PAGE,""", """
                then
                    $draft.recommend("no such getter: " + $onCall.getNothing(), "noted");
                    $draft.route($onCall, Action.PAGE,""");
        assertThat(problems).containsExactly(file + ":11: " + RULE
                + "The method getNothing() is undefined for the type Team");
    }

    @Test
    void aMissingThenIsSaidAsSuchAtItsRule() {
        assertThat(problemsAfter("    $draft : DecisionDraft( undecided )\nthen", "    $draft : DecisionDraft( undecided )\n"))
                .containsExactly(file + ":11: rule \"Service-health alerts page the service's on-call team\" has no"
                        + " then: write \"then\" on a line of its own between its conditions and its consequence");
    }

    @Test
    void aMisspeltBindingNamesTheFieldItMeant() {
        assertThat(problemsAfter("Alert( kind in", "Alert( $kind : knid, kind in")).containsExactly(file + ":13: "
                + RULE + "Alert has no field \"knid\" (did you mean \"kind\"?); its fields are environment, firedAt, id,"
                + " kind, labels, model, production, service, severity, signals");
    }

    @Test
    void aMisspeltFieldDownAPathIsReportedAtThePathWithTheFieldsOfItsType() {
        file = dir.resolve("rules/data.drl");
        assertThat(problemsAfter("mlTeam.mlopsMaturity >= 1", "mlTeam.mlopsMaturty >= 1")).containsExactly(file
                + ":40: rule \"Training pipeline failures are a ticket for the ML team when it has automation\": Team"
                + " has no field \"mlopsMaturty\" (did you mean \"mlopsMaturity\"?); its fields are businessHours,"
                + " holidays, mlopsMaturity, name, onCallRotation, partner, role, timeZone");
    }
}
