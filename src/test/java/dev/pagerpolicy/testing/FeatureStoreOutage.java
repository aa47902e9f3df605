package dev.pagerpolicy.testing;

import java.nio.file.Path;

/**
 * The outage of a feature store that the recommendations service depends on, and the model alert that follows it:
 * what the alerts still firing are kept for (an outage decided explains the model alerts after it).
 */
public final class FeatureStoreOutage {
    /** The feature store going down, at 03:00 UTC. */
    public static final String DOWN = """
            {"id": "feature-store-down", "kind": "outage", "severity": "critical", "service": "feature-store",
             "firedAt": "2026-11-25T03:00:00Z"}""";
    /** The recommendation model degraded five minutes later. */
    public static final String RECOMMENDATIONS_DEGRADED = """
            {"id": "recs-degraded", "kind": "model_performance", "severity": "critical", "service": "recommendations",
             "model": "product-recs", "firedAt": "2026-11-25T03:05:00Z"}""";

    private FeatureStoreOutage() {
    }

    /** The same model alert under another id: another alert of the same kind. */
    public static String recommendationsDegraded(String alertId) {
        return RECOMMENDATIONS_DEGRADED.replace("recs-degraded", alertId);
    }

    /** Adds a tier-1 feature store, run by platform-sre, that recommendations depends on, to the pack in dir. */
    public static void addTo(Path dir) {
        Packs.edit(dir.resolve("policies/services.yaml"), "  - name: recommendations\n",
                "  - name: feature-store\n    tier: tier-1\n    onCallTeam: platform-sre\n    devTeam: storefront-dev\n"
                        + "  - name: recommendations\n    dependsOn: [feature-store]\n");
    }
}
