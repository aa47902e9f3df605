package dev.pagerpolicy.engine;

import dev.pagerpolicy.source.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Drools' compiler can fail on its own, with an exception instead of a message (a {@code ?:} inside a negated
 * constraint ends in a {@code ClassCastException} deep in the executable model). An author must still get one
 * {@code FILE:LINE: message}: the rule that makes the compiler fail is found by compiling each rule of the unit on
 * its own, the other rules blanked out so that every line keeps its number.
 */
final class CompilerCrash {
    private CompilerCrash() {
    }

    /**
     * @param crashes whether compiling these files makes the compiler throw
     */
    static List<Problem> locate(List<RuleFile> unit, RuntimeException crash, Predicate<List<RuleFile>> crashes) {
        String what = crash.getClass().getSimpleName() + " inside the compiler";
        List<Problem> problems = new ArrayList<>();
        for (RuleFile file : unit) {
            List<int[]> rules = ruleSpans(file.text());
            for (int[] rule : rules) {
                RuleFile alone = new RuleFile(file.path(), blankOtherRules(file.text(), rules, rule));
                if (crashes.test(List.of(alone))) {
                    Matcher name = DrlText.RULE_NAME.matcher(file.text());
                    String ruleName = name.find(rule[0]) ? DrlText.ruleName(name) : "?";
                    problems.add(new Problem(file.path(), DrlText.lineAt(file.text(), rule[0] + leadingBlanks(
                            file.text(), rule[0])), "rule \"" + ruleName + "\": Drools could not compile this rule ("
                            + what + "); rewrite its conditions more simply, e.g. without ?: inside a constraint"));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.inFile(unit.get(0).path(), "Drools could not compile these rules (" + what
                    + ", " + crash.getMessage() + ")"));
        }
        return problems;
    }

    /** From each rule's declaration to the next one's (or the end of the file). */
    private static List<int[]> ruleSpans(String text) {
        List<Integer> starts = new ArrayList<>();
        Matcher rule = DrlText.RULE_NAME.matcher(text);
        while (rule.find()) {
            starts.add(rule.start());
        }
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            spans.add(new int[] {starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()});
        }
        return spans;
    }

    /** The text with every rule but {@code kept} replaced by spaces, its line breaks kept. */
    private static String blankOtherRules(String text, List<int[]> rules, int[] kept) {
        StringBuilder result = new StringBuilder(text);
        for (int[] rule : rules) {
            if (rule == kept) {
                continue;
            }
            for (int i = rule[0]; i < rule[1]; i++) {
                if (result.charAt(i) != '\n') {
                    result.setCharAt(i, ' ');
                }
            }
        }
        return result.toString();
    }

    /** The declaration's match starts at the line break before "rule": count from "rule" itself. */
    private static int leadingBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i - from;
    }
}
