package dev.pagerpolicy.engine;

import dev.pagerpolicy.catalog.Catalog;
import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled, validated rule set: what every decision is evaluated against. Immutable once built; a reload
 * builds a new one aside rather than changing this one.
 *
 * @param version   content hash of the rule and policy files it was built from
 * @param ruleNames every rule it contains, for coverage reports
 */
public record RuleSet(KieBase kieBase, Catalog catalog, String version, Instant loadedAt, List<String> ruleNames) {
    public RuleSet {
        ruleNames = List.copyOf(ruleNames);
    }
}
