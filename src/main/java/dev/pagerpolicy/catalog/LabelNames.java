package dev.pagerpolicy.catalog;

/**
 * Which labels of a raw alert carry its fields when it does not give them itself: Alertmanager's alerts carry
 * nothing but labels, and {@code POST /v1/decide} accepts alerts that give only labels too.
 */
public record LabelNames(String kind, String severity, String service, String model, String environment, String id) {
    public static final LabelNames DEFAULT = new LabelNames("kind", "severity", "service", "model", "env", "alertname");
}
