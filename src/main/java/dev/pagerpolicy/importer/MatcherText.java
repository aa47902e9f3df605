package dev.pagerpolicy.importer;

import java.util.ArrayList;
import java.util.List;

/** Splits one entry of a route's {@code matchers} into its matchers: {@code '{a="b", c=~"d,e"}'} is two. */
final class MatcherText {
    private MatcherText() {
    }

    static List<String> split(String entry) {
        String text = entry.strip();
        if (!(text.startsWith("{") && text.endsWith("}"))) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String inner = text.substring(1, text.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quoted && c == '\\' && i + 1 < inner.length()) {
                current.append(c).append(inner.charAt(++i)); // an escaped quote or comma stays in the value
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
