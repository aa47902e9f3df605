package dev.pagerpolicy.compile;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label values each rule's conditions compare an alert's labels with, so that an exploration can make up alerts
 * that carry them: {@code label("alertname") in ("Watchdog", "InfoInhibitor")} gives {@code alertname=Watchdog},
 * {@code labelValue("team") matches "db|storage"} gives {@code team=db}. One labelling per rule, with every label its
 * conditions name set to the first value that satisfies them, so that the rule can fire; a comparison whose value
 * cannot be read from the text (a regular expression that is not a list of words, a value built at run time) is
 * left to {@code domain.yaml}.
 */
final class LabelComparisons {
    private static final String LABEL = "(?:label|labelValue)\\(\\s*\"([^\"]+)\"\\s*\\)|labels\\s*\\[\\s*\"([^\"]+)\"\\s*\\]";
    private static final Pattern EQUALS = Pattern.compile("(?:" + LABEL + ")\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern EQUALS_REVERSED = Pattern.compile("\"([^\"]*)\"\\s*==\\s*(?:" + LABEL + ")");
    private static final Pattern IN = Pattern.compile("(?:" + LABEL + ")\\s*in\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern MATCHES = Pattern.compile("(?:" + LABEL + ")\\s*matches\\s*\"([^\"]*)\"");
    /** A regular expression that is words joined by {@code |}: its first word matches it whole. */
    private static final Pattern WORDS = Pattern.compile("[\\w\\-.:/ ]+(?:\\|[\\w\\-.:/ ]+)*");

    private LabelComparisons() {
    }

    /** Each rule's labelling, without repeats, in the files' order; rules that compare no label give none. */
    static List<Map<String, String>> labellingsOf(List<ParsedDrl> trees) {
        return ParsedDrl.valuesPerRule(trees, LabelComparisons::read);
    }

    private static void read(String constraint, Map<String, String> labels) {
        collect(EQUALS.matcher(constraint), 3, labels);
        collect(EQUALS_REVERSED.matcher(constraint), 1, labels);
        collect(IN.matcher(constraint), 3, labels);
        Matcher matches = MATCHES.matcher(constraint);
        while (matches.find()) {
            String regex = matches.group(3);
            if (WORDS.matcher(regex).matches()) {
                labels.putIfAbsent(name(matches), regex.split("\\|")[0]);
            }
        }
    }

    private static void collect(Matcher comparison, int valueGroup, Map<String, String> labels) {
        while (comparison.find()) {
            labels.putIfAbsent(name(comparison), comparison.group(valueGroup));
        }
    }

    /** The label's name: written in {@code label("...")} or in {@code labels["..."]}. */
    private static String name(Matcher comparison) {
        int first = comparison.pattern() == EQUALS_REVERSED ? 2 : 1;
        return comparison.group(first) != null ? comparison.group(first) : comparison.group(first + 1);
    }
}
