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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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
        // Label names are written in many cases ("email", "Email"); a secret must not slip through on one.
        masked = config.decisionLog().maskedLabels().orElse(List.of()).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        enabled = config.decisionLog().enabled();
    }

    /** The alert as it may be shown: masked labels replaced by {@value #MASK}. */
    public Alert mask(Alert alert) {
        if (alert == null || masked.isEmpty() || alert.labels().keySet().stream().noneMatch(this::isMasked)) {
            return alert;
        }
        Map<String, String> labels = new HashMap<>(alert.labels());
        labels.replaceAll((name, value) -> isMasked(name) ? MASK : value);
        return new Alert(alert.id(), alert.kind(), alert.severity(), alert.service(), alert.model(),
                alert.environment(), alert.firedAt(), labels, alert.signals());
    }

    private boolean isMasked(String label) {
        return masked.contains(label.toLowerCase(Locale.ROOT));
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
