package dev.pagerpolicy.compile;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.CatalogLoader;
import dev.pagerpolicy.ruleset.RuleFileFacts;
import dev.pagerpolicy.ruleset.RuleLiterals;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.ConcurrentRead;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.SourceFiles;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Builds a {@link RuleSet} from the rule and policy directories on disk. Both are checked in full before
 * anything is reported, so that one run shows every problem in either.
 */
public final class RuleSetLoader {
    private final Validator validator;
    private final Clock clock;
    private final RuleCompiler compiler;
    private final RuleCache cache;

    public RuleSetLoader(Validator validator, Clock clock, RuleCache cache) {
        this.validator = validator;
        this.clock = clock;
        this.compiler = new RuleCompiler(cache);
        this.cache = cache;
    }

    /** Where compiled rules, and the gate's verdicts on them, are kept. */
    public RuleCache cache() {
        return cache;
    }

    public RuleSet load(Path rulesDir, Path policiesDir) throws InvalidSourceException {
        List<Problem> problems = new ArrayList<>();
        SortedMap<String, byte[]> contents = new TreeMap<>();
        // The policies are read while the rules compile or load from the cache: the two are independent, and at
        // start-up each takes about 100 ms.
        Map<String, byte[]> policyContents = new HashMap<>();
        ConcurrentRead<Catalog> policies = ConcurrentRead.start("policies-reader",
                () -> CatalogLoader.load(policiesDir, validator, policyContents));

        List<RuleFile> ruleFiles = readRuleFiles(rulesDir, contents, problems);
        problems.addAll(RuleLint.check(ruleFiles));
        KieBase kieBase = null;
        if (problems.isEmpty()) {
            try {
                kieBase = compiler.compile(ruleFiles);
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
        }
        Catalog catalog = null;
        try {
            catalog = policies.join();
        } catch (InvalidSourceException e) {
            problems.addAll(e.problems());
        }
        contents.putAll(policyContents); // complete even after a problem: the read has ended either way
        if (catalog != null && problems.isEmpty()) {
            problems.addAll(CatalogNames.check(ruleFiles, catalog, policiesDir));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return RuleSet.of(kieBase, catalog, PolicyVersion.of(contents), clock.instant(), salienceByRule(kieBase),
                factsOf(ruleFiles));
    }

    /** What the rule files say beyond the compiled rules; each file parsed once for all of it. */
    private static RuleFileFacts factsOf(List<RuleFile> files) {
        java.util.Set<String> onFiringAlerts = new java.util.TreeSet<>();
        Map<String, String> places = new HashMap<>();
        List<ParsedDrl> trees = new ArrayList<>();
        for (RuleFile file : files) {
            ParsedDrl.of(file).ifPresent(tree -> {
                trees.add(tree);
                for (ParsedDrl.Rule rule : tree.rules()) {
                    places.put(rule.name(), file.path() + ":" + rule.line());
                    if (rule.patterns().stream().anyMatch(pattern -> pattern.type().equals("FiringAlert"))) {
                        onFiringAlerts.add(rule.name());
                    }
                }
            });
        }
        return new RuleFileFacts(RuleLiterals.of(DrlText.stringLiterals(files)), onFiringAlerts,
                TimeReads.onlyThroughCalendars(files), places, LabelComparisons.labellingsOf(trees),
                SignalComparisons.signallingsOf(trees));
    }

    /** Every {@code *.drl} under the rules directory but hidden ones, in path order so that builds are reproducible. */
    public static List<RuleFile> readRuleFiles(Path rulesDir, SortedMap<String, byte[]> contents,
                                               List<Problem> problems) {
        if (!Files.isDirectory(rulesDir)) {
            problems.add(Problem.inFile(rulesDir.toString(), "rules directory not found"));
            return List.of();
        }
        List<RuleFile> files = new ArrayList<>();
        try {
            for (Path path : SourceFiles.find(rulesDir, name -> name.endsWith(".drl"))) {
                byte[] bytes = Files.readAllBytes(path);
                contents.put("rules/" + rulesDir.relativize(path), bytes);
                files.add(new RuleFile(path.toString(), new String(bytes, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            problems.add(Problem.inFile(rulesDir.toString(), "cannot read rules: " + e.getMessage()));
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.inFile(rulesDir.toString(), "no .drl files found"));
        }
        return files;
    }

    private static Map<String, Integer> salienceByRule(KieBase kieBase) {
        Map<String, Integer> salience = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                salience.put(rule.getName(), salience(rule));
            }
        }
        return salience;
    }

    private static int salience(Rule rule) {
        try {
            return rule instanceof RuleImpl impl ? impl.getSalienceValue() : 0;
        } catch (RuntimeException e) {
            return 0; // a salience computed per match: taken as the default
        }
    }
}
