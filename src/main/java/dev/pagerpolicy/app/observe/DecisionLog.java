package dev.pagerpolicy.app.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.app.PagerPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes one JSON line per decision to the logger {@value #CATEGORY}, which any log pipeline can ship.
 * Labels named in {@code pager-policy.decision-log.masked-labels} are masked here, before the record is
 * logged or kept for {@code GET /v1/decisions}.
 */
@ApplicationScoped
public class DecisionLog {
    public static final String CATEGORY = "pager-policy.decisions";
    static final String MASK = "***";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Inject
    ObjectMapper json;
    private Set<String> masked = Set.of();
    private boolean enabled;

    @Inject
    void configure(PagerPolicyConfig config) {
        masked = Set.copyOf(config.decisionLog().maskedLabels().orElse(List.of()));
        enabled = config.decisionLog().enabled();
    }

    /** The alert as it may be shown: masked labels replaced by {@value #MASK}. */
    public Alert mask(Alert alert) {
        if (alert == null || masked.isEmpty() || alert.labels().keySet().stream().noneMatch(masked::contains)) {
            return alert;
        }
        Map<String, String> labels = new HashMap<>(alert.labels());
        labels.replaceAll((name, value) -> masked.contains(name) ? MASK : value);
        return new Alert(alert.id(), alert.kind(), alert.severity(), alert.service(), alert.model(),
                alert.environment(), alert.firedAt(), labels, alert.signals());
    }

    public void write(DecisionRecord record) {
        if (!enabled || !LOG.isInfoEnabled()) {
            return;
        }
        try {
            LOG.info(json.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            LOG.warnf("decision %s could not be logged as JSON: %s", record.decisionId(), e.getOriginalMessage());
        }
    }
}
