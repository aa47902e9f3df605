package dev.pagerpolicy.catalog;

import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of Alertmanager's label matchers, with its semantics: {@code name="value"}, {@code name!="value"},
 * {@code name=~"regex"} and {@code name!~"regex"}; a regular expression must match the whole value (it is
 * anchored), and a label that is absent reads as the empty string, so {@code team=""} matches an alert without a
 * team and {@code team!=""} one that has any. Regular expressions are RE2's, as Alertmanager's are (RE2/J): they
 * read what Alertmanager reads, and match in time linear in the value, so that no matcher can stall a decision.
 */
public record LabelMatcher(String label, Operator operator, String value, com.google.re2j.Pattern pattern) {

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s]*))\\s*");
    /**
     * What Java's regular expressions read and RE2's (Alertmanager's) refuse, or read otherwise: back-references,
     * look-around, atomic groups, possessive quantifiers and Java's own classes. A matcher copied from an
     * Alertmanager configuration must mean there what it means here.
     */
    private static final Pattern NOT_RE2 = Pattern.compile(
            "\\\\[1-9]|\\\\k<|\\(\\?[=!>]|\\(\\?<[=!]|[*+?}]\\+|\\\\p\\{(?:java|Is|In)|\\\\[hHRXGZ]");

    /** Reads {@code text}; the message of the exception says what is wrong with it. */
    public static LabelMatcher parse(String text) {
        Matcher syntax = SYNTAX.matcher(text == null ? "" : text);
        if (!syntax.matches()) {
            throw new IllegalArgumentException("matcher " + quoted(text) + " is not of the form label=\"value\""
                    + " (or !=, =~, !~)");
        }
        Operator operator = switch (syntax.group(2)) {
            case "=" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "=~" -> Operator.MATCHES;
            default -> Operator.NOT_MATCHES;
        };
        String value = syntax.group(3) != null ? unescape(syntax.group(3)) : syntax.group(4);
        return of(syntax.group(1), operator, value, text);
    }

    /**
     * A matcher of {@code label} with {@code operator} and {@code value} (a regular expression for {@code =~} and
     * {@code !~}, anchored at both ends as Alertmanager anchors it).
     *
     * @param source how the matcher was written, for the message when it is refused
     */
    public static LabelMatcher of(String label, Operator operator, String value, String source) {
        com.google.re2j.Pattern pattern = null;
        if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
            if (NOT_RE2.matcher(value).find()) {
                throw new IllegalArgumentException("matcher " + quoted(source) + ": the regular expression uses what"
                        + " Alertmanager's (RE2) does not read, or reads otherwise (back-references, look-around,"
                        + " atomic groups, possessive quantifiers)");
            }
            try {
                pattern = com.google.re2j.Pattern.compile("^(?:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher " + quoted(source) + ": invalid regular expression ("
                        + e.getDescription() + ")");
            }
        }
        return new LabelMatcher(label, operator, value, pattern);
    }

    /** The matcher that matches exactly the label sets this one does not: {@code =} and {@code !=} swap, and so on. */
    public LabelMatcher negated() {
        Operator opposite = switch (operator) {
            case EQUAL -> Operator.NOT_EQUAL;
            case NOT_EQUAL -> Operator.EQUAL;
            case MATCHES -> Operator.NOT_MATCHES;
            case NOT_MATCHES -> Operator.MATCHES;
        };
        return new LabelMatcher(label, opposite, value, pattern);
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Whether the labels satisfy this matcher; an absent label reads as {@code ""}. */
    public boolean matches(Map<String, String> labels) {
        String actual = labels == null ? "" : labels.getOrDefault(label, "");
        if (actual == null) {
            actual = "";
        }
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> pattern.matcher(actual).matches();
            case NOT_MATCHES -> !pattern.matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return label + operator.text() + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
