package dev.pagerpolicy.api.alertmanager;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager's webhook payload, version 4. Fields this service does not use are kept so that
 * the contract is visible in one place; unknown fields are ignored, as later Alertmanager versions add some.
 */
public record AlertmanagerWebhook(String version, String groupKey, Integer truncatedAlerts, String status,
                                  String receiver, Map<String, String> groupLabels, Map<String, String> commonLabels,
                                  Map<String, String> commonAnnotations, String externalURL,
                                  String notification_reason,
                                  Map<String, String> routeLabels,
                                  @NotNull @Size(max = 10_000) List<@NotNull @Valid Alert> alerts) {

    /** One alert of the group, firing or resolved; its times as sent, read alert by alert ({@link SentTime}). */
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations,
                        String startsAt, String endsAt, String generatorURL, String fingerprint) {

        public boolean isResolved() {
            return "resolved".equals(status);
        }

        public String label(String name) {
            return labels == null ? null : labels.get(name);
        }
    }
}
