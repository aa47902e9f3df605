package dev.pagerpolicy.compile;

import java.util.Objects;
import java.util.Optional;

/**
 * One DRL file as read from disk: its path as the user names it, and its text. Its parse tree is made once, when a
 * check first asks for it: a load reads each file's tree for its lints, its compile units, the catalog names it
 * uses and what it says beyond its rules.
 */
public final class RuleFile {
    private final String path;
    private final String text;
    /** Null until first asked for; a second parse by a thread racing the first gives an equal tree. */
    private volatile Optional<ParsedDrl> tree;

    public RuleFile(String path, String text) {
        this.path = Objects.requireNonNull(path);
        this.text = Objects.requireNonNull(text);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** Drools' parse tree of the text, or empty when it does not parse. */
    Optional<ParsedDrl> tree() {
        Optional<ParsedDrl> parsed = tree;
        if (parsed == null) {
            parsed = ParsedDrl.parse(this);
            tree = parsed;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleFile that && path.equals(that.path) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "RuleFile[path=" + path + "]";
    }
}
