package dev.pagerpolicy.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule set's files say of its rules beyond what Drools compiles, read once when they load: for the analyses
 * (what they may share, what they must make up) and for the people who review the set.
 *
 * @param literals            the string literals of its files: which names its rules can single out
 * @param rulesOnFiringAlerts the rules that match alerts already firing ({@code FiringAlert}): they fire only when
 *                            something is firing, which an exploration of the domain does not make up
 * @param timeOnlyThroughCalendars whether its rules tell alert times apart only by what the catalog's calendars say
 *                            of them (business hours, holidays, maintenance): then times the calendars answer alike
 *                            are decided alike, and an exploration evaluates one of them
 * @param placeOfRule         where each rule is declared, {@code FILE:LINE}
 * @param labellings          for each rule that compares labels with values written in it, those labels set to
 *                            values its conditions accept: alerts an exploration makes up so that the rule may fire
 * @param signallings         the same for signals compared with numbers written in the rules
 */
public record RuleFileFacts(RuleLiterals literals, Set<String> rulesOnFiringAlerts, boolean timeOnlyThroughCalendars,
                            Map<String, String> placeOfRule, List<Map<String, String>> labellings,
                            List<Map<String, Double>> signallings) {
    public static final RuleFileFacts NONE = new RuleFileFacts(RuleLiterals.NONE, Set.of(), false, Map.of(), List.of(),
            List.of());

    public RuleFileFacts {
        rulesOnFiringAlerts = Set.copyOf(rulesOnFiringAlerts);
        placeOfRule = Map.copyOf(placeOfRule);
        labellings = labellings.stream().map(Map::copyOf).toList();
        signallings = signallings.stream().map(Map::copyOf).toList();
    }
}
