package dev.pagerpolicy.compile;

import dev.pagerpolicy.source.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Drools does not make: a rule name defined twice, imports outside the fact model, calls that have no
 * place in a rule (processes, threads, reflection, files, network), and updates of the decision draft, which
 * tells the engine of its changes itself.
 *
 * <p>This is a speed bump against mistakes, not a sandbox: DRL consequences are Java, and a determined author
 * can get around a text check. The rules repository must be trusted like the service's own code.
 */
public final class RuleLint {
    static final List<String> ALLOWED_IMPORTS = List.of(
            "dev.pagerpolicy.alert.", "dev.pagerpolicy.catalog.", "dev.pagerpolicy.decision.",
            "java.time.", "java.util.");

    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:function\\s+|accumulate\\s+|static\\s+)?([\\w.*$]+)", Pattern.MULTILINE);
    private static final Pattern FORBIDDEN_CALL = Pattern.compile(
            "\\b(System\\s*\\.|Runtime\\b|Thread\\b|ProcessBuilder\\b|Class\\s*\\.\\s*forName\\b|getClass\\s*\\("
                    + "|getDeclared\\w*\\s*\\(|setAccessible\\s*\\(|MethodHandles?\\b"
                    + "|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)\\b)");

    private static final Pattern DRAFT_BINDING = Pattern.compile("\\$(\\w+)\\s*:\\s*DecisionDraft\\s*\\(");

    private RuleLint() {
    }

    public static List<Problem> check(List<RuleFile> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Problem> firstDefinition = new HashMap<>();
        for (RuleFile file : files) {
            String code = DrlText.withoutComments(file.text());
            Matcher names = DrlText.RULE_NAME.matcher(code);
            while (names.find()) {
                String name = DrlText.ruleName(names);
                Problem here = new Problem(file.path(), DrlText.lineAt(code, DrlText.ruleNameStart(names)), "");
                Problem first = firstDefinition.putIfAbsent(name, here);
                if (first != null) {
                    problems.add(new Problem(here.file(), here.line(), "rule \"" + name
                            + "\" is already defined at " + first.file() + ":" + first.line()));
                }
            }
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                String imported = imports.group(1);
                if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
                    problems.add(new Problem(file.path(), DrlText.lineAt(code, imports.start(1)), "import \""
                            + imported + "\" is not allowed (rules may import " + String.join("*, ", ALLOWED_IMPORTS)
                            + "*)"));
                }
            }
            explicitDraftUpdates(file, code, problems);
            missingEnds(file, code, problems);
            // Imports are judged above against the allow-list; here only code is scanned.
            String body = IMPORT.matcher(DrlText.withoutStringContents(code)).replaceAll(m -> " ".repeat(m.group().length()));
            Matcher calls = FORBIDDEN_CALL.matcher(body);
            while (calls.find()) {
                problems.add(new Problem(file.path(), DrlText.lineAt(code, calls.start()), "\""
                        + calls.group(1).replaceAll("\\s+", "") + "\" has no place in a rule: consequences only record"
                        + " a decision"));
            }
        }
        return problems;
    }

    /**
     * The draft tells the engine of its changes itself: an update of it in a consequence is at best redundant,
     * and at worst re-activates the rule for ever.
     */
    private static void explicitDraftUpdates(RuleFile file, String code, List<Problem> problems) {
        Matcher rules = DrlText.RULE_PARTS.matcher(code);
        while (rules.find()) {
            String name = DrlText.ruleName(rules);
            Matcher bindings = DRAFT_BINDING.matcher(rules.group(4));
            while (bindings.find()) {
                Matcher update = Pattern.compile("\\b(update|modify)\\s*\\(\\s*\\$" + bindings.group(1) + "\\s*\\)")
                        .matcher(rules.group(5));
                while (update.find()) {
                    problems.add(new Problem(file.path(), DrlText.lineAt(code, rules.start(5) + update.start()),
                            "rule \"" + name + "\": remove " + update.group(1) + "($" + bindings.group(1) + "): the draft"
                                    + " tells the engine of every change itself, and an update would make rules fire"
                                    + " again and again"));
                }
            }
        }
    }

    /** {@code end} closing a line, as rules end (a consequence's code may use the word elsewhere). */
    private static final Pattern END = Pattern.compile("(?m)(?:^|\\s)end\\s*;?\\s*$");

    /**
     * A rule without {@code end} makes Drools complain at the next rule's line; the mistake is at the end of
     * this rule's consequence, and that is where it is reported.
     */
    private static void missingEnds(RuleFile file, String code, List<Problem> problems) {
        String bare = DrlText.withoutStringContents(code);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher rules = DrlText.RULE_NAME.matcher(bare);
        Matcher named = DrlText.RULE_NAME.matcher(code);
        while (rules.find() && named.find(rules.start())) {
            starts.add(rules.start());
            names.add(DrlText.ruleName(named));
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : bare.length();
            if (END.matcher(bare.substring(from, to)).find()) {
                continue;
            }
            int lastLine = DrlText.lineAt(code, lastNonBlank(code, from, to));
            String next = i + 1 < starts.size() ? ", before rule \"" + names.get(i + 1) + "\" (line "
                    + DrlText.lineAt(code, code.indexOf("rule", to)) + ")" : ", at the end of the file";
            problems.add(new Problem(file.path(), lastLine, "rule \"" + names.get(i) + "\" has no end: add \"end\""
                    + " after its consequence" + next));
        }
    }

    private static int lastNonBlank(String code, int from, int to) {
        int i = to - 1;
        while (i > from && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i;
    }
}
