package dev.pagerpolicy.gate;

import dev.pagerpolicy.ruleset.RuleSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which rules of a rule set at least one scenario made fire. */
public record Coverage(int total, List<String> fired, List<String> notFired) {

    public static Coverage of(RuleSet ruleSet, List<ScenarioResult> results) {
        Set<String> fired = new TreeSet<>();
        results.forEach(r -> fired.addAll(r.evaluation().firedRules()));
        List<String> notFired = ruleSet.ruleNames().stream().filter(rule -> !fired.contains(rule)).toList();
        List<String> firedInSet = ruleSet.ruleNames().stream().filter(fired::contains).toList();
        return new Coverage(ruleSet.ruleNames().size(), firedInSet, notFired);
    }

    public int firedCount() {
        return fired.size();
    }

    public double percent() {
        return total == 0 ? 100.0 : 100.0 * fired.size() / total;
    }
}
