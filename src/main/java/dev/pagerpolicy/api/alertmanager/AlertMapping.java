package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.PlausibleInstant;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.app.PagerPolicyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an Alertmanager alert's labels as an alert of this service; which label carries what is configured
 * under {@code pager-policy.alertmanager.*}. What cannot be read is said, so that the fallback decision can
 * carry the reason.
 */
@ApplicationScoped
public class AlertMapping {
    @Inject
    PagerPolicyConfig config;
    @Inject
    Clock clock;

    /** Either the alert, or every reason it could not be read. */
    public record Mapped(Alert alert, List<String> problems) {
    }

    public Mapped map(AlertmanagerWebhook.Alert source) {
        PagerPolicyConfig.Alertmanager labels = config.alertmanager();
        List<String> problems = labelProblems(source.labels());
        if (source.startsAt() != null && !PlausibleInstant.Check.isPlausible(source.startsAt())) {
            problems.add("startsAt " + source.startsAt() + " is not from " + PlausibleInstant.EARLIEST_TEXT + " up to "
                    + PlausibleInstant.LATEST_TEXT);
        }
        AlertKind kind = parse(source, labels.kindLabel(), problems, AlertKind::fromWireName);
        Severity severity = parse(source, labels.severityLabel(), problems, Severity::fromWireName);
        String service = source.label(labels.serviceLabel());
        if (service == null || service.isBlank()) {
            problems.add("label \"" + labels.serviceLabel() + "\" is missing");
        }
        if (!problems.isEmpty()) {
            return new Mapped(null, problems);
        }
        return new Mapped(new Alert(source.label(labels.idLabel()), kind, severity, service,
                source.label(labels.modelLabel()), source.label(labels.environmentLabel()),
                source.startsAt() == null ? clock.instant() : source.startsAt(), source.labels(), null), List.of());
    }

    /** The limits of the decide API, so that no path lets through what another refuses. */
    private static List<String> labelProblems(Map<String, String> labels) {
        List<String> problems = new ArrayList<>();
        if (labels == null) {
            return problems;
        }
        if (labels.size() > AlertInput.MAX_LABELS) {
            problems.add("it has " + labels.size() + " labels, at most " + AlertInput.MAX_LABELS + " are read");
        }
        labels.forEach((name, value) -> {
            if (name.length() > AlertInput.MAX_LABEL_NAME) {
                problems.add("a label name has " + name.length() + " characters, at most " + AlertInput.MAX_LABEL_NAME);
            } else if (value == null) {
                problems.add("label \"" + name + "\" has no value");
            } else if (value.length() > AlertInput.MAX_LABEL_VALUE) {
                problems.add("label \"" + name + "\" has a value of " + value.length() + " characters, at most "
                        + AlertInput.MAX_LABEL_VALUE);
            }
        });
        return problems;
    }

    private static <T> T parse(AlertmanagerWebhook.Alert source, String label, List<String> problems,
                               Function<String, T> parser) {
        String value = source.label(label);
        if (value == null) {
            problems.add("label \"" + label + "\" is missing");
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add("label \"" + label + "\": " + e.getMessage());
            return null;
        }
    }
}
