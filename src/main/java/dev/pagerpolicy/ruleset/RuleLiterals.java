package dev.pagerpolicy.ruleset;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The string literals of a rule set's files (comments aside): what its rules can compare a name with. A name none
 * of them can match is one the rules cannot tell from another, which lets an exploration decide for one service
 * what it decides for every service like it.
 */
public final class RuleLiterals {
    private final Set<String> literals;

    private RuleLiterals(Set<String> literals) {
        this.literals = Set.copyOf(literals);
    }

    public static final RuleLiterals NONE = new RuleLiterals(Set.of());

    /** @param literals the string literals of the rule files, as written between their quotes */
    public static RuleLiterals of(Set<String> literals) {
        return new RuleLiterals(literals);
    }

    /**
     * Whether a rule may single {@code name} out: a literal holds it, is part of it (a prefix, a suffix), or, read as
     * a regular expression, finds in it. Conservative: a false "yes" only costs an exploration time.
     */
    public boolean mayName(String name) {
        for (String literal : literals) {
            if (literal.isEmpty()) {
                continue;
            }
            if (literal.contains(name) || name.contains(literal) || findsIn(literal, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean findsIn(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
