package dev.pagerpolicy.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code pager-policy.*}; each can also be set as an environment variable, e.g. PAGER_POLICY_RULES_DIR. */
@ConfigMapping(prefix = "pager-policy")
public interface PagerPolicyConfig {

    /** Directory of {@code *.drl} rule files, relative to the working directory. */
    @WithDefault("rules")
    String rulesDir();

    /** Directory of the policy YAML files (teams, services, models, SLA tiers, organisation). */
    @WithDefault("policies")
    String policiesDir();

    /** Rule firings allowed per decision before the rules are taken to loop and the fallback decides. */
    @WithDefault("1000")
    int maxRuleFirings();
}
