package dev.pagerpolicy.compile;

import dev.pagerpolicy.source.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drools' compiler can fail on its own, with an exception instead of a message (a {@code ?:} inside a negated
 * constraint ends in a {@code ClassCastException} deep in the executable model). An author must still get one
 * {@code FILE:LINE: message}: the rule that makes the compiler fail is found by {@link RuleLocator}.
 */
final class CompilerCrash {
    private CompilerCrash() {
    }

    /** @param crashes whether compiling this file makes the compiler throw */
    static List<Problem> locate(List<RuleFile> unit, RuntimeException crash, Predicate<RuleFile> crashes) {
        String what = crash.getClass().getSimpleName() + " inside the compiler";
        List<Problem> problems = new ArrayList<>();
        for (RuleFile file : unit) {
            for (RuleLocator.Rule rule : RuleLocator.failing(file, crashes)) {
                problems.add(new Problem(file.path(), rule.line(), "rule \"" + rule.name() + "\": Drools could not"
                        + " compile this rule (" + what + "); rewrite its conditions more simply, e.g. without ?:"
                        + " inside a constraint"));
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.inFile(unit.get(0).path(), "Drools could not compile these rules (" + what
                    + ", " + crash.getMessage() + ")"));
        }
        return problems;
    }
}
