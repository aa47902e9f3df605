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
 * @param literals       the string literals of its files: which names its rules can single out
 * @param rulesOnFiringAlerts the rules that match alerts already firing ({@code FiringAlert}): they fire only when
 *                       something is firing, which an exploration of the domain does not make up
 * @param placeOfRule    where each rule is declared, {@code FILE:LINE}, for the people who review a rule set
 * @param timeOnlyThroughCalendars whether its rules tell alert times apart only by what the catalog's calendars
 *                       say of them (business hours, holidays, maintenance): then times the calendars answer alike
 *                       are decided alike, and an exploration evaluates one of them
 */
public record RuleSet(KieBase kieBase, KieSessionsPool sessions, Catalog catalog, String version, Instant loadedAt,
                      List<String> ruleNames, Map<String, Integer> salienceByRule, List<String> warnings,
                      RuleLiterals literals, Set<String> rulesOnFiringAlerts, boolean timeOnlyThroughCalendars,
                      Map<String, String> placeOfRule) {
    public RuleSet {
        ruleNames = List.copyOf(ruleNames);
        placeOfRule = Map.copyOf(placeOfRule);
        salienceByRule = Map.copyOf(salienceByRule);
        warnings = List.copyOf(warnings);
        rulesOnFiringAlerts = Set.copyOf(rulesOnFiringAlerts);
    }

    /**
     * The same set, with {@code loadedAt} the instant it began to decide: reading the files comes before the gate,
     * which may take a while, and operators want to know since when decisions are this set's.
     */
    public RuleSet activeSince(Instant instant) {
        return new RuleSet(kieBase, sessions, catalog, version, instant, ruleNames, salienceByRule, warnings, literals,
                rulesOnFiringAlerts, timeOnlyThroughCalendars, placeOfRule);
    }

    public RuleSet withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new RuleSet(kieBase, sessions, catalog, version, loadedAt, ruleNames, salienceByRule, all, literals,
                rulesOnFiringAlerts, timeOnlyThroughCalendars, placeOfRule);
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
                             Map<String, Integer> salienceByRule, RuleLiterals literals,
                             Set<String> rulesOnFiringAlerts, boolean timeOnlyThroughCalendars,
                             Map<String, String> placeOfRule) {
        return new RuleSet(kieBase, kieBase.newKieSessionsPool(INITIAL_SESSIONS), catalog, version, loadedAt,
                salienceByRule.keySet().stream().sorted().toList(), salienceByRule, List.of(), literals,
                rulesOnFiringAlerts, timeOnlyThroughCalendars, placeOfRule);
    }

    /** Enough for the cores of a small host; the pool grows under load and keeps what it grew. */
    private static final int INITIAL_SESSIONS = 4;
}
