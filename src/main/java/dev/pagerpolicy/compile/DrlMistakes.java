package dev.pagerpolicy.compile;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.BusinessHours;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.catalog.SlaTier;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.DecisionDraft;
import dev.pagerpolicy.decision.FiringAlert;
import dev.pagerpolicy.source.Problem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what Drools reports about the common DRL mistakes into one line an author can act on: the file, the
 * line of the mistake, the rule, and what to do (the fields that exist, the constants allowed, the method's
 * signature, the import to add). Messages about generated Java never reach the author; any other message is
 * kept as Drools wrote it.
 */
final class DrlMistakes {
    /** The fact model, by simple name: what rules may import, and what "did you mean" can suggest. */
    static final Map<String, Class<?>> FACT_MODEL = Arrays.stream(new Class<?>[] {Alert.class, AlertKind.class,
                    Severity.class, Service.class, SlaTier.class, Model.class, Team.class, Role.class,
                    BusinessHours.class, Catalog.class, DecisionDraft.class, Action.class, FiringAlert.class})
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final Pattern NOT_APPLICABLE = Pattern.compile(
            "The method (\\w+)\\(([^)]*)\\) in the type (\\w+) is not applicable for the arguments \\(([^)]*)\\)");
    private static final Pattern UNDEFINED_ON_DRAFT =
            Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type DecisionDraft");
    private static final Pattern UNANALYSABLE = Pattern.compile("Unable to Analyse Expression (.+?):?$");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");
    private static final Pattern UNKNOWN_CLASS = Pattern.compile("Unable to find class: (\\w+)");
    /** A binding of a field that does not exist: {@code $kind : knid}. */
    private static final Pattern UNPARSABLE_BINDING =
            Pattern.compile("Unable to parse left part of expression: (\\$?\\w+\\s*:\\s*(\\w+))\\s*$");

    /** How Drools begins the message that quotes the generated Java source, which the author did not write. */
    static final String GENERATED_SOURCE = "Java source of ";

    /** One message of Drools; {@code file} is null when Drools did not say which file. */
    record Raw(RuleFile file, int line, String text) {
    }

    private DrlMistakes() {
    }

    static List<Problem> explain(List<Raw> messages, List<RuleFile> unit) {
        String generatedJava = messages.stream().map(Raw::text).filter(t -> t.startsWith(GENERATED_SOURCE))
                .collect(Collectors.joining(" "));
        List<Problem> problems = new ArrayList<>();
        for (Raw raw : messages) {
            if (raw.text().startsWith(GENERATED_SOURCE)) {
                continue; // generated code: the author wrote none of it
            }
            problems.add(explained(raw, unit, generatedJava).orElseGet(() -> raw.file() == null
                    ? Problem.inFile("rules", raw.text()) : new Problem(raw.file().path(), raw.line(), raw.text())));
        }
        return problems;
    }

    private static Optional<Problem> explained(Raw raw, List<RuleFile> unit, String generatedJava) {
        Matcher m = NOT_APPLICABLE.matcher(raw.text());
        if (m.find()) {
            return wrongArguments(m, unit, generatedJava);
        }
        m = UNDEFINED_ON_DRAFT.matcher(raw.text());
        if (m.find() && raw.file() != null) {
            return notOnTheDraft(raw.file(), m.group(1), m.group(2));
        }
        m = UNANALYSABLE.matcher(raw.text());
        if (m.find() && raw.file() != null) {
            return unknownField(raw.file(), m.group(1).strip());
        }
        m = UNPARSABLE_BINDING.matcher(raw.text());
        if (m.find() && raw.file() != null) {
            return unknownField(raw.file(), m.group(1), m.group(2));
        }
        m = UNKNOWN_FIELD.matcher(raw.text());
        if (m.find() && raw.file() != null) {
            RuleFile file = raw.file();
            String className = m.group(2);
            String field = m.group(1);
            return unknownConstant(file, className, field).or(() -> unknownFieldOnAPath(file, className, field));
        }
        m = UNKNOWN_CLASS.matcher(raw.text());
        if (m.find() && raw.file() != null) {
            return notImported(raw.file(), m.group(1));
        }
        return Optional.empty();
    }

    /** {@code $draft.route("rides-sre", ...)}: the call, found in the consequences, with the method's signature. */
    private static Optional<Problem> wrongArguments(Matcher m, List<RuleFile> unit, String generatedJava) {
        String method = m.group(1);
        String parameters = m.group(2);
        String arguments = m.group(4);
        String hint = parameters.startsWith("Team") && arguments.startsWith("String")
                ? "; name a team through the catalog: $catalog.team(\"" + firstStringArgument(unit, method)
                + "\"), with $catalog : Catalog() among the conditions"
                : "; pass arguments of these types";
        String message = m.group(3) + "." + method + "(" + parameters + ") cannot take (" + arguments + ")" + hint;
        Pattern call = Pattern.compile("\\.\\s*" + method + "\\s*\\(");
        String compactJava = generatedJava.replaceAll("\\s+", "");
        Problem first = null;
        for (RuleFile file : unit) {
            String code = DrlText.withoutComments(file.text());
            Matcher calls = call.matcher(code);
            while (calls.find()) {
                Problem here = at(file, code, calls.start(), message);
                String callText = code.substring(calls.start(), Math.min(code.length(), calls.end() + 40))
                        .replaceAll("\\s+", "");
                if (!compactJava.isEmpty() && compactJava.contains(callText)) {
                    return Optional.of(here); // the call the generated code failed on
                }
                first = first == null ? here : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * {@code $draft.enterRule("...")}, {@code $draft.explain("...")}: a call the draft does not offer rules, at the
     * call's line, with what it does offer. Reasons that stand for no change are gone: their words belong in the note
     * of the call that made the change.
     */
    private static Optional<Problem> notOnTheDraft(RuleFile file, String method, String parameters) {
        String code = DrlText.withoutComments(file.text());
        Matcher call = Pattern.compile("\\.\\s*" + method + "\\s*\\(").matcher(code);
        if (!call.find()) {
            return Optional.empty();
        }
        TreeSet<String> records = new TreeSet<>();
        TreeSet<String> reads = fields(DecisionDraft.class);
        for (Method offered : DecisionDraft.class.getMethods()) {
            if (offered.getReturnType() == void.class) {
                records.add(offered.getName());
            } else if (offered.getParameterCount() > 0) {
                reads.add(offered.getName() + "(...)");
            }
        }
        String gone = method.equals("explain") ? "; a reason must stand for a change: put its words in the note of"
                + " the call that makes the change" : "";
        return Optional.of(at(file, code, call.start(), "a rule cannot call " + method + "(" + parameters
                + ") on the DecisionDraft" + gone + "; rules record with " + String.join(", ", records)
                + ", and read " + String.join(", ", reads)));
    }

    private static String firstStringArgument(List<RuleFile> unit, String method) {
        Pattern call = Pattern.compile("\\.\\s*" + method + "\\s*\\(\\s*\"([^\"]*)\"");
        for (RuleFile file : unit) {
            Matcher m = call.matcher(file.text());
            if (m.find()) {
                return m.group(1);
            }
        }
        return "name";
    }

    /** {@code Alert( severty in (...) )}: the pattern's type, its fields, and the closest one. */
    private static Optional<Problem> unknownField(RuleFile file, String expression) {
        Matcher property = Pattern.compile("^!?\\s*(\\w+)").matcher(expression);
        return property.find() ? unknownField(file, expression, property.group(1)) : Optional.empty();
    }

    /**
     * The field {@code name} of the pattern around {@code expression} (as written, found in the file): the pattern's
     * type, its fields, and the closest one.
     */
    private static Optional<Problem> unknownField(RuleFile file, String expression, String name) {
        String code = DrlText.withoutComments(file.text());
        int at = code.indexOf(expression);
        if (at < 0) {
            return Optional.empty();
        }
        Optional<Class<?>> type = enclosingPatternType(code, at);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> fields = fields(type.get());
        if (fields.contains(name)) {
            return Optional.empty(); // the field exists: the mistake is elsewhere, Drools' message stands
        }
        return Optional.of(at(file, code, at, type.get().getSimpleName() + " has no field \"" + name + "\""
                + closest(name, fields).map(c -> " (did you mean \"" + c + "\"?)").orElse("")
                + "; its fields are " + String.join(", ", fields)));
    }

    /**
     * {@code Model( mlTeam.mlopsMaturty >= 1 )}: a field further down a path, of a type Drools names, at the line of
     * the path, with the fields that type has and the closest one.
     */
    private static Optional<Problem> unknownFieldOnAPath(RuleFile file, String className, String field) {
        Optional<Class<?>> named = classNamed(className);
        String code = DrlText.withoutComments(file.text());
        Matcher use = Pattern.compile("\\.\\s*" + Pattern.quote(field) + "\\b").matcher(code);
        if (named.isEmpty() || !use.find()) {
            return Optional.empty();
        }
        Class<?> type = named.get();
        TreeSet<String> fields = fields(type);
        return Optional.of(at(file, code, use.start() + 1, type.getSimpleName() + " has no field \"" + field + "\""
                + closest(field, fields).map(c -> " (did you mean \"" + c + "\"?)").orElse("")
                + "; its fields are " + String.join(", ", fields)));
    }

    /** The class of the fact model Drools names by its full name, if it is one this service has. */
    private static Optional<Class<?>> classNamed(String className) {
        try {
            return Optional.of(Class.forName(className, false, DrlMistakes.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code Severity.SEVERE}: the constants the enum has. */
    private static Optional<Problem> unknownConstant(RuleFile file, String className, String constant) {
        Optional<Class<?>> named = classNamed(className);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = named.get();
        String code = DrlText.withoutComments(file.text());
        Matcher use = Pattern.compile("\\b" + type.getSimpleName() + "\\s*\\.\\s*" + constant + "\\b").matcher(code);
        if (!use.find()) {
            return Optional.empty();
        }
        String what = type.isEnum()
                ? "has no constant \"" + constant + "\"; it has " + Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "))
                : "has no field \"" + constant + "\"; its fields are " + String.join(", ", fields(type));
        return Optional.of(at(file, code, use.start(), type.getSimpleName() + " " + what));
    }

    /** A fact class used without its import: the import line to add. */
    private static Optional<Problem> notImported(RuleFile file, String simpleName) {
        Class<?> type = FACT_MODEL.get(simpleName);
        String code = DrlText.withoutComments(file.text());
        Matcher use = Pattern.compile("(?<![\\w.])" + simpleName + "\\s*[(.]").matcher(code);
        int firstRule = firstRuleStart(code);
        while (use.find()) {
            if (use.start() > firstRule) {
                String what = type == null
                        ? simpleName + " is not a class of the fact model; see the fact model in docs/authoring.md"
                        : simpleName + " is not imported: add \"import " + type.getName() + "\" at the top of the file";
                return Optional.of(at(file, code, use.start(), what));
            }
        }
        return Optional.empty();
    }

    private static int firstRuleStart(String code) {
        Matcher rule = DrlText.RULE_NAME.matcher(code);
        return rule.find() ? rule.start() : 0;
    }

    /** The type of the pattern whose parentheses enclose {@code offset}, e.g. Alert for a constraint of Alert( ... ). */
    private static Optional<Class<?>> enclosingPatternType(String code, int offset) {
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    Matcher name = Pattern.compile("(\\w+)\\s*$").matcher(code.substring(Math.max(0, i - 80), i));
                    return name.find() ? Optional.ofNullable(FACT_MODEL.get(name.group(1))) : Optional.empty();
                }
                depth--;
            }
        }
        return Optional.empty();
    }

    /** What a constraint can name: record components and bean properties. */
    static TreeSet<String> fields(Class<?> type) {
        TreeSet<String> fields = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
                fields.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
                fields.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
            }
        }
        return fields;
    }

    /** The field within two edits of {@code name}, if one is. */
    private static Optional<String> closest(String name, TreeSet<String> fields) {
        return fields.stream().filter(f -> distance(f, name) <= 2)
                .min((a, b) -> Integer.compare(distance(a, name), distance(b, name)));
    }

    /** Edits between two names, a swap of two neighbouring letters counting as one ("knid" is one from "kind"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A problem at {@code offset} of {@code file}, naming the rule that stands there. */
    private static Problem at(RuleFile file, String code, int offset, String message) {
        String rule = null;
        Matcher rules = DrlText.RULE_NAME.matcher(code);
        while (rules.find() && rules.start() < offset) {
            rule = DrlText.ruleName(rules);
        }
        return new Problem(file.path(), DrlText.lineAt(code, offset), (rule == null ? "" : "rule \"" + rule + "\": ")
                + message);
    }
}
