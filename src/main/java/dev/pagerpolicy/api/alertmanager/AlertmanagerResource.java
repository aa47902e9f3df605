package dev.pagerpolicy.api.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pagerpolicy.alert.Fingerprint;
import dev.pagerpolicy.api.security.Roles;
import dev.pagerpolicy.app.DecisionService;
import dev.pagerpolicy.app.EncodedDecision;
import dev.pagerpolicy.app.observe.DecisionMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /v1/alertmanager}: Alertmanager's webhook receiver. Each firing alert of the group gets a
 * decision, an unreadable one the fallback decision with the reason, and is kept among the alerts still firing;
 * resolved alerts are acknowledged, not decided, and forgotten there. No alert is dropped.
 */
@Path("/v1/alertmanager")
@RolesAllowed(Roles.DECIDE)
public class AlertmanagerResource {
    @Inject
    AlertMapping mapping;
    @Inject
    DecisionService decisions;
    @Inject
    DecisionMetrics metrics;
    private static final Logger LOG = Logger.getLogger(AlertmanagerResource.class);

    /** What happened to one alert of the group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String status, EncodedDecision decision) {
    }

    /**
     * @param alerts one outcome per alert, keyed by its fingerprint, in the order Alertmanager sent them
     */
    public record Answer(String receiver, String groupKey, Map<String, Outcome> alerts, Integer truncatedAlerts) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Answer receive(@NotNull(message = "an Alertmanager webhook payload is required") @Valid AlertmanagerWebhook webhook) {
        if (webhook.truncatedAlerts() != null && webhook.truncatedAlerts() > 0) {
            // Alertmanager sent the group's first max_alerts and dropped the rest: said, and counted, never silent.
            LOG.warnf("Alertmanager left %d alerts of group %s out of its notification (max_alerts of receiver %s):"
                    + " they are not decided; remove max_alerts", webhook.truncatedAlerts(), webhook.groupKey(),
                    webhook.receiver());
            metrics.truncated(webhook.truncatedAlerts());
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<AlertmanagerWebhook.Alert> alerts = webhook.alerts();
        for (int i = 0; i < alerts.size(); i++) {
            AlertmanagerWebhook.Alert alert = alerts.get(i);
            String key = alert.fingerprint() == null || alert.fingerprint().isBlank() ? "#" + i : alert.fingerprint();
            if (alert.isResolved()) {
                decisions.resolved(sameAlertKey(alert));
                outcomes.put(key, new Outcome("resolved", null));
            } else {
                outcomes.put(key, new Outcome("firing", decide(alert)));
            }
        }
        return new Answer(webhook.receiver(), webhook.groupKey(), outcomes, webhook.truncatedAlerts());
    }

    /**
     * What makes an Alertmanager alert the same one when it comes again, resolved or repeated: its fingerprint,
     * computed from its labels as Alertmanager computes it; the one the payload states is not trusted, since stating
     * another alert's would resolve that alert.
     */
    private static String sameAlertKey(AlertmanagerWebhook.Alert alert) {
        return "fingerprint " + Fingerprint.of(alert.labels());
    }

    private EncodedDecision decide(AlertmanagerWebhook.Alert alert) {
        List<String> problems = mapping.problems(alert);
        if (problems.isEmpty()) {
            return decisions.decide(mapping.input(alert), "the Alertmanager alert", sameAlertKey(alert));
        }
        return decisions.fallback(alert.labels(), "the Alertmanager alert could not be read: "
                + String.join("; ", problems));
    }
}
