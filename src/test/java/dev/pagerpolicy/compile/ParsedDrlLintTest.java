package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that ask what a file declares read Drools' parse tree: bindings however written, patterns however nested. */
class ParsedDrlLintTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyShipped() {
        Packs.copyShipped(dir);
    }

    private String refused(String drl) {
        Path file = dir.resolve("rules/x.drl");
        Packs.write(file, drl);
        InvalidSourceException refused = catchThrowableOfType(InvalidSourceException.class,
                () -> Packs.loader().load(dir.resolve("rules"), dir.resolve("policies")));
        assertThat(refused).isNotNull();
        return String.join("\n", refused.problems().stream().map(Object::toString).toList())
                .replace(file.toString(), "x.drl");
    }

    @Test
    void anUpdateOfADraftBoundWithoutADollarIsRefused() {
        assertThat(refused("""
                package rules

                import dev.pagerpolicy.decision.DecisionDraft

                rule "Pages are noted"
                when
                    draft : DecisionDraft( paging,
                                           ackWithin != null )
                then
                    draft.recommend("a page", "noted");
                    update( draft );
                end
                """)).isEqualTo("x.drl:11: rule \"Pages are noted\": remove update(draft): the draft tells the engine of"
                + " every change itself, and an update would make rules fire again and again");
    }

    @Test
    void aTeamPatternInsideNotIsStillNeverAFactAndItsNameIsChecked() {
        assertThat(refused("""
                package rules

                import dev.pagerpolicy.catalog.Team
                import dev.pagerpolicy.decision.DecisionDraft

                rule "Pages unless a team exists"
                when
                    $draft : DecisionDraft( paging )
                    not ( Team( name == "rides-sre" ) )
                then
                    $draft.recommend("x", "noted");
                end
                """)).contains("x.drl:9: team \"rides-sre\" is not defined in")
                .contains("x.drl:9: rule \"Pages unless a team exists\": Team is never a fact, so this rule would"
                        + " never fire; reach a team through Service, Model or the catalog: $catalog : Catalog() ..."
                        + " $catalog.team(\"rides-sre\")");
    }
}
