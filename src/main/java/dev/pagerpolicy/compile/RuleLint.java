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
 * place in a rule (processes, threads, reflection, files, network), updates of the decision draft, which tells the
 * engine of its changes itself, and a rule without {@code end}.
 *
 * <p>This is a speed bump against mistakes, not a sandbox: DRL consequences are Java, and a determined author
 * can get around a text check. The rules repository must be trusted like the service's own code.
 */
public final class RuleLint {
    static final List<String> ALLOWED_IMPORTS = List.of(
            "dev.pagerpolicy.alert.", "dev.pagerpolicy.catalog.", "dev.pagerpolicy.decision.",
            "java.time.", "java.util.");

    /** Import lines, blanked out of the text scanned for calls: the tree judges them. */
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:function\\s+|accumulate\\s+|static\\s+)?([\\w.*$]+)", Pattern.MULTILINE);
    private static final Pattern FORBIDDEN_CALL = Pattern.compile(
            "\\b(System\\s*\\.|Runtime\\b|Thread\\b|ProcessBuilder\\b|Class\\s*\\.\\s*forName\\b|getClass\\s*\\("
                    + "|getDeclared\\w*\\s*\\(|setAccessible\\s*\\(|MethodHandles?\\b"
                    + "|java\\s*\\.\\s*(?:io|nio|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke)\\b)");

    private RuleLint() {
    }

    public static List<Problem> check(List<RuleFile> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Problem> firstDefinition = new HashMap<>();
        for (RuleFile file : files) {
            String code = DrlText.withoutComments(file.text());
            // What the file declares is read from Drools' parse tree; a file that does not parse is refused by the
            // compiler, at its syntax error, and only the checks of its text run here.
            ParsedDrl.of(file).ifPresent(tree -> {
                for (ParsedDrl.Rule rule : tree.rules()) {
                    Problem here = new Problem(file.path(), rule.line(), "");
                    Problem first = firstDefinition.putIfAbsent(rule.name(), here);
                    if (first != null) {
                        problems.add(new Problem(here.file(), here.line(), "rule \"" + rule.name()
                                + "\" is already defined at " + first.file() + ":" + first.line()));
                    }
                }
                for (ParsedDrl.Import imported : tree.imports()) {
                    if (ALLOWED_IMPORTS.stream().noneMatch(imported.target()::startsWith)) {
                        problems.add(new Problem(file.path(), imported.line(), "import \"" + imported.target()
                                + "\" is not allowed (rules may import " + String.join("*, ", ALLOWED_IMPORTS) + "*)"));
                    }
                }
                explicitDraftUpdates(file, code, tree, problems);
            });
            missingEnds(file, code, problems);
            missingThens(file, code, problems);
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
     * and at worst re-activates the rule for ever. The draft's bindings come from the tree; the consequence is
     * Java, read as text from its {@code then} on.
     */
    private static void explicitDraftUpdates(RuleFile file, String code, ParsedDrl tree, List<Problem> problems) {
        for (ParsedDrl.Rule rule : tree.rules()) {
            for (String binding : rule.bindingsOf("DecisionDraft")) {
                Pattern update = Pattern.compile("(?<![\\w$])(update|modify)\\s*\\(\\s*" + Pattern.quote(binding)
                        + "\\s*\\)");
                Matcher inConsequence = update.matcher(rule.consequence());
                Matcher inFile = update.matcher(code);
                int from = DrlText.offsetOfLine(code, rule.consequenceLine());
                while (inConsequence.find() && inFile.find(from)) {
                    problems.add(new Problem(file.path(), DrlText.lineAt(code, inFile.start()), "rule \""
                            + rule.name() + "\": remove " + inConsequence.group(1) + "(" + binding + "): the draft"
                            + " tells the engine of every change itself, and an update would make rules fire"
                            + " again and again"));
                    from = inFile.end();
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

    /** {@code then} as a word, wherever it stands: a rule may be written on one line. */
    private static final Pattern THEN = Pattern.compile("(?<![\\w$.])then(?![\\w$])");

    /**
     * A rule without {@code then}: Drools stumbles on its {@code end}, "mismatched input 'end'", which does not say
     * what is missing. Said at the rule's name, since the line it belongs on is the author's to choose.
     */
    private static void missingThens(RuleFile file, String code, List<Problem> problems) {
        String bare = DrlText.withoutStringContents(code);
        Matcher rules = DrlText.RULE_NAME.matcher(bare);
        Matcher named = DrlText.RULE_NAME.matcher(code);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (rules.find() && named.find(rules.start())) {
            starts.add(DrlText.ruleNameStart(named));
            names.add(DrlText.ruleName(named));
        }
        for (int i = 0; i < starts.size(); i++) {
            String rule = bare.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : bare.length());
            if (END.matcher(rule).find() && !THEN.matcher(rule).find()) {
                problems.add(new Problem(file.path(), DrlText.lineAt(code, starts.get(i)), "rule \"" + names.get(i)
                        + "\" has no then: write \"then\" on a line of its own between its conditions and its"
                        + " consequence"));
            }
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
