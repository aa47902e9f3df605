package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertStatus;
import dev.pagerpolicy.alert.PlausibleInstant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Alertmanager alert as the decide API reads alerts: its labels and its start; its fields, and the id that
 * names it, are read from the labels and the policies' input mappings. What the decide API would refuse is said, so that this alert alone gets the fallback with the reason.
 */
@ApplicationScoped
public class AlertMapping {
    /**
     * Labels alone: the reader takes the id from the label that carries it, as it does every field. Its end, when
     * Alertmanager gives a plausible one, ends its time among the alerts still firing.
     */
    public AlertInput input(AlertmanagerWebhook.Alert source) {
        Instant endsAt = source.endsAt() != null && PlausibleInstant.Check.isPlausible(source.endsAt())
                ? source.endsAt() : null;
        return new AlertInput(null, null, null, null, null, null, source.startsAt(), source.labels(), null,
                AlertStatus.FIRING, endsAt);
    }

    /** What the decide API would refuse in this alert (too many labels, a far-future start). */
    public List<String> problems(AlertmanagerWebhook.Alert source) {
        List<String> problems = labelProblems(source.labels());
        if (source.startsAt() != null && !PlausibleInstant.Check.isPlausible(source.startsAt())) {
            problems.add("startsAt " + source.startsAt() + " is not from " + PlausibleInstant.EARLIEST_TEXT + " up to "
                    + PlausibleInstant.LATEST_TEXT);
        }
        return problems;
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
}
