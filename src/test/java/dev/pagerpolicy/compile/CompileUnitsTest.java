package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule files compile on their own, and which must compile together. */
class CompileUnitsTest {
    private static RuleFile file(String path, String text) {
        return new RuleFile(path, text);
    }

    private static List<List<String>> unitsOf(RuleFile... files) {
        return CompileUnits.of(List.of(files)).stream()
                .map(unit -> unit.stream().map(RuleFile::path).toList())
                .toList();
    }

    @Test
    void filesThatShareNothingAreUnitsOfTheirOwn() {
        assertThat(unitsOf(
                file("a.drl", "package rules\nrule \"A\" when then end\n"),
                file("b.drl", "package rules\nrule \"B\" when then end\n")))
                .containsExactly(List.of("a.drl"), List.of("b.drl"));
    }

    @Test
    void aFunctionAnywhereMakesTheWholeSetOneUnit() {
        assertThat(unitsOf(
                file("a.drl", "package rules\nrule \"A\" when then shout(); end\n"),
                file("b.drl", "package other\nrule \"B\" when then end\n"),
                file("c.drl", "package rules\n\nfunction void shout() { }\n")))
                .containsExactly(List.of("a.drl", "b.drl", "c.drl"));
    }

    @Test
    void globalsQueriesTypesUnitsAndRuleInheritanceAreShared() {
        for (String shared : List.of("global java.util.List seen", "query \"open\" end", "declare Flag end",
                "unit Escalation;", "rule \"B\" extends \"A\" when then end")) {
            assertThat(unitsOf(
                    file("a.drl", "package rules\nrule \"A\" when then end\n"),
                    file("b.drl", "package other\n" + shared + "\n")))
                    .as(shared)
                    .containsExactly(List.of("a.drl", "b.drl"));
        }
    }

    @Test
    void aDeclarationThatIsOnlyMentionedInACommentSharesNothing() {
        assertThat(unitsOf(
                file("a.drl", "package rules\n// global values are not used here\nrule \"A\" when then end\n"),
                file("b.drl", "package rules\n/* function\n declare */\nrule \"B\" when then end\n")))
                .containsExactly(List.of("a.drl"), List.of("b.drl"));
    }
}
