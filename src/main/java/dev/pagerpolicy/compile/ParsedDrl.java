package dev.pagerpolicy.compile;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * A rule file as Drools' own parser reads it: its imports, and its rules with their lines, patterns and bindings.
 * Checks that ask what the file declares read this tree rather than guess from the text; what the tree does not
 * hold (the Java of consequences, a missing {@code end}) is still read from the text.
 */
final class ParsedDrl {
    /**
     * A pattern of a rule's conditions: {@code $draft : DecisionDraft( paging )} has type DecisionDraft, binding
     * {@code $draft} and one constraint, {@code paging}.
     *
     * @param fromSource whether it matches what a {@code from} gives rather than facts
     */
    record Pattern(String type, String binding, int line, List<Constraint> constraints, boolean fromSource) {
    }

    /** One constraint of a pattern, as written, at its line. */
    record Constraint(String text, int line) {
    }

    /** A rule: its name and line, its patterns (nested ones too: in not, exists, or, from), and its consequence. */
    record Rule(String name, int line, List<Pattern> patterns, String consequence, int consequenceLine) {
        /** The bindings of patterns on {@code type}, as written ({@code $draft}, or {@code draft}). */
        List<String> bindingsOf(String type) {
            return patterns.stream().filter(p -> p.type().equals(type) && p.binding() != null)
                    .map(Pattern::binding).toList();
        }
    }

    /** An import, function and accumulate imports included. */
    record Import(String target, int line) {
    }

    private final List<Import> imports;
    private final List<Rule> rules;
    private final boolean declaresForOtherFiles;

    private ParsedDrl(List<Import> imports, List<Rule> rules, boolean declaresForOtherFiles) {
        this.imports = List.copyOf(imports);
        this.rules = List.copyOf(rules);
        this.declaresForOtherFiles = declaresForOtherFiles;
    }

    /**
     * For each rule of the trees, what {@code reader} reads from the text of its constraints into a map; rules that
     * give nothing are left out, and so are repeats. The rules' label and signal comparisons are read this way.
     */
    static <V> List<Map<String, V>> valuesPerRule(List<ParsedDrl> trees, BiConsumer<String, Map<String, V>> reader) {
        Set<Map<String, V>> found = new LinkedHashSet<>();
        for (ParsedDrl tree : trees) {
            tree.rules().forEach(rule -> {
                Map<String, V> values = new LinkedHashMap<>();
                for (Pattern pattern : rule.patterns()) {
                    for (Constraint constraint : pattern.constraints()) {
                        reader.accept(DrlText.withoutComments(constraint.text()), values);
                    }
                }
                if (!values.isEmpty()) {
                    found.add(Map.copyOf(values));
                }
            });
        }
        return new ArrayList<>(found);
    }

    /** The file's tree, or empty when it does not parse: the compiler then says where and why. Parsed once per file. */
    static Optional<ParsedDrl> of(RuleFile file) {
        return file.tree();
    }

    static Optional<ParsedDrl> parse(RuleFile file) {
        DrlParser parser = new DrlParser();
        PackageDescr tree;
        try {
            tree = parser.parse(false, new StringReader(file.text()));
        } catch (DroolsParserException | RuntimeException e) {
            return Optional.empty();
        }
        if (tree == null || parser.hasErrors()) {
            return Optional.empty();
        }
        List<Import> imports = new ArrayList<>();
        List<ImportDescr> all = new ArrayList<>(tree.getImports());
        all.addAll(tree.getFunctionImports());
        all.addAll(tree.getAccumulateImports());
        for (ImportDescr descr : all) {
            imports.add(new Import(descr.getTarget(), descr.getLine()));
        }
        imports.sort(java.util.Comparator.comparingInt(Import::line));
        List<Rule> rules = new ArrayList<>();
        boolean declares = !tree.getTypeDeclarations().isEmpty() || !tree.getEnumDeclarations().isEmpty()
                || !tree.getFunctions().isEmpty() || !tree.getGlobals().isEmpty() || tree.getUnit() != null;
        for (RuleDescr rule : tree.getRules()) {
            declares |= rule.isQuery() || rule.getParentName() != null;
            List<Pattern> patterns = new ArrayList<>();
            collect(rule.getLhs(), patterns);
            String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            rules.add(new Rule(rule.getName(), rule.getLine(), patterns, consequence, rule.getConsequenceLine()));
        }
        return Optional.of(new ParsedDrl(imports, rules, declares));
    }

    private static void collect(BaseDescr descr, List<Pattern> into) {
        if (descr instanceof PatternDescr pattern) {
            List<Constraint> constraints = new ArrayList<>();
            for (BaseDescr constraint : pattern.getDescrs()) {
                String text = constraint instanceof ExprConstraintDescr expression ? expression.getExpression()
                        : constraint.getText();
                if (text != null) {
                    constraints.add(new Constraint(text, constraint.getLine() > 0 ? constraint.getLine()
                            : pattern.getLine()));
                }
            }
            into.add(new Pattern(pattern.getObjectType(), pattern.getIdentifier(), pattern.getLine(), constraints,
                    pattern.getSource() != null));
            if (pattern.getSource() != null) {
                collect(pattern.getSource(), into);
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collect(child, into);
            }
        }
    }

    List<Import> imports() {
        return imports;
    }

    List<Rule> rules() {
        return rules;
    }

    /**
     * Whether it declares what other files may use: a type, a function, a global, a query, a rule unit, or a rule
     * that extends another.
     */
    boolean declaresForOtherFiles() {
        return declaresForOtherFiles;
    }
}
