package dev.pagerpolicy.app;

import dev.pagerpolicy.ruleset.RuleSet;

/**
 * The CDI event fired once, when the first rule set passed its gate and decides: what needs an active rule set to
 * begin (watching the files, the metrics of the active set, a training run) observes it instead of the start.
 */
public record FirstRuleSetActive(RuleSet ruleSet) {
}
