package dev.pagerpolicy.compile;

import java.util.List;

/**
 * Splits a rule set into units that compile on their own, so that editing one file recompiles that file and
 * loads the others from the {@link RuleCache}.
 *
 * <p>Each file is a unit of its own, unless some file declares what other files may use: a type
 * ({@code declare}), a {@code function}, a {@code global}, a {@code query}, a rule {@code unit}, or a rule that
 * {@code extends} another. Then the whole rule set is one unit, compiled as it always was: declarations can be
 * used from other files, even of other packages by their full names. A file that does not parse is a unit of its
 * own: the compiler says what is wrong with it, and the other files compile (and are cached) as they would.
 */
final class CompileUnits {
    private CompileUnits() {
    }

    /** The units of {@code files}, in order; together they hold every file once. */
    static List<List<RuleFile>> of(List<RuleFile> files) {
        boolean sharing = files.stream()
                .anyMatch(file -> ParsedDrl.of(file).map(ParsedDrl::declaresForOtherFiles).orElse(false));
        return sharing ? List.of(files) : files.stream().map(List::of).toList();
    }
}
