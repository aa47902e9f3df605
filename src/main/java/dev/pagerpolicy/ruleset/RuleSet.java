package dev.pagerpolicy.ruleset;

import dev.pagerpolicy.catalog.Catalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, validated rule set: what every decision is evaluated against. Immutable once built; a reload
 * builds a new one aside rather than changing this one.
 *
 * @param version   content hash of the rule and policy files it was built from
 * @param ruleNames      every rule it contains, sorted, for coverage reports
 * @param salienceByRule each rule's salience, read once here rather than on every conflict search
 * @param warnings       what its author should know although it may decide, e.g. that no scenario gates it
 * @param files          what its files say of the rules beyond the compiled rules
 */
public record RuleSet(KieBase kieBase, KieSessionsPool sessions, Catalog catalog, String version, Instant loadedAt,
                      List<String> ruleNames, Map<String, Integer> salienceByRule, List<String> warnings,
                      RuleFileFacts files) {
    public RuleSet {
        ruleNames = List.copyOf(ruleNames);
        salienceByRule = Map.copyOf(salienceByRule);
        warnings = List.copyOf(warnings);
    }

    /** The string literals of its files: which names its rules can single out. */
    public RuleLiterals literals() {
        return files.literals();
    }

    /** The rules that match alerts already firing. */
    public Set<String> rulesOnFiringAlerts() {
        return files.rulesOnFiringAlerts();
    }

    /** Whether its rules tell alert times apart only by what the catalog's calendars say of them. */
    public boolean timeOnlyThroughCalendars() {
        return files.timeOnlyThroughCalendars();
    }

    /** Where each rule is declared, {@code FILE:LINE}. */
    public Map<String, String> placeOfRule() {
        return files.placeOfRule();
    }

    /**
     * The same set, with {@code loadedAt} the instant it began to decide: reading the files comes before the gate,
     * which may take a while, and operators want to know since when decisions are this set's.
     */
    public RuleSet activeSince(Instant instant) {
        return new RuleSet(kieBase, sessions, catalog, version, instant, ruleNames, salienceByRule, warnings, files);
    }

    public RuleSet withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new RuleSet(kieBase, sessions, catalog, version, loadedAt, ruleNames, salienceByRule, all, files);
    }

    /** A rule's salience; 0, the default, for a salience computed per match. */
    public int salience(String ruleName) {
        return salienceByRule.getOrDefault(ruleName, 0);
    }

    /**
     * @param kieBase        the compiled rules; sessions are pooled because creating one per decision costs more
     *                       than the decision itself
     * @param salienceByRule every rule by name, with its salience
     */
    public static RuleSet of(KieBase kieBase, Catalog catalog, String version, Instant loadedAt,
                             Map<String, Integer> salienceByRule, RuleFileFacts files) {
        return new RuleSet(kieBase, kieBase.newKieSessionsPool(INITIAL_SESSIONS), catalog, version, loadedAt,
                salienceByRule.keySet().stream().sorted().toList(), salienceByRule, List.of(), files);
    }

    /** Enough for the cores of a small host; the pool grows under load and keeps what it grew. */
    private static final int INITIAL_SESSIONS = 4;
}
