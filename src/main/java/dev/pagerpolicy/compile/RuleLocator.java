package dev.pagerpolicy.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Finds the rules of a file that fail when compiled alone, the file's other rules blanked out so that every line
 * keeps its number. Drools says some things without a line (a constraint it cannot type) or not at all (an
 * exception inside its compiler); an author still gets the rule and its line.
 */
final class RuleLocator {
    private RuleLocator() {
    }

    /** A rule of a file: its name and the line of its declaration. */
    record Rule(String name, int line) {
    }

    /** @param fails whether compiling the file as given (one rule left in it) fails */
    static List<Rule> failing(RuleFile file, Predicate<RuleFile> fails) {
        List<int[]> spans = ruleSpans(file.text());
        List<Rule> failing = new ArrayList<>();
        for (int[] span : spans) {
            if (fails.test(new RuleFile(file.path(), blankOtherRules(file.text(), spans, span)))) {
                failing.add(rule(file.text(), span));
            }
        }
        return failing;
    }

    private static Rule rule(String text, int[] span) {
        Matcher name = DrlText.RULE_NAME.matcher(text);
        String ruleName = name.find(span[0]) ? DrlText.ruleName(name) : "?";
        int keyword = span[0];
        while (keyword < text.length() && Character.isWhitespace(text.charAt(keyword))) {
            keyword++; // the declaration's match starts at the line break before "rule"
        }
        return new Rule(ruleName, DrlText.lineAt(text, keyword));
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
}
