package dev.pagerpolicy.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers for scanning DRL without a parser. Each keeps offsets and line numbers unchanged. */
final class DrlText {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private DrlText() {
    }

    /** The string literals of the files, comments aside, as written between their quotes. */
    static java.util.Set<String> stringLiterals(Iterable<RuleFile> files) {
        java.util.Set<String> literals = new java.util.TreeSet<>();
        for (RuleFile file : files) {
            Matcher literal = STRING_LITERAL.matcher(withoutComments(file.text()));
            while (literal.find()) {
                literals.add(literal.group(1));
            }
        }
        return literals;
    }

    /** Blanks out {@code //} and {@code /* *}{@code /} comments, keeping every newline in place. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && next != 0) {
                    out.append(next);
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                i++;
            } else if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Blanks out what is between double quotes, so that prose in explanations is not mistaken for code. */
    static String withoutStringContents(String code) {
        StringBuilder out = new StringBuilder(code.length());
        boolean inString = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString && c == '\\' && i + 1 < code.length()) {
                out.append("  ");
                i++;
            } else if (c == '"') {
                inString = !inString;
                out.append(c);
            } else {
                out.append(inString && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A rule's declaration; its name is group 1, 2 or 3 (in double quotes, in single quotes, or bare). */
    static final Pattern RULE_NAME =
            Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))", Pattern.MULTILINE);

    /** The rule's name a match of {@link #RULE_NAME} found. */
    static String ruleName(Matcher rule) {
        return rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
    }

    /** Where that name starts. */
    static int ruleNameStart(Matcher rule) {
        return rule.start(rule.group(1) != null ? 1 : rule.group(2) != null ? 2 : 3);
    }

    /** The offset at which 1-based {@code line} starts; the text's length past its last line. */
    static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                return text.length();
            }
            offset = newline + 1;
        }
        return offset;
    }

    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
