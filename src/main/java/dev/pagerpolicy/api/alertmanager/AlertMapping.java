package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertStatus;
import dev.pagerpolicy.alert.PlausibleInstant;
import dev.pagerpolicy.forward.PostableAlert;
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
        return input(source.labels(), SentTime.parse(source.startsAt()), SentTime.parse(source.endsAt()));
    }

    /** An alert as Prometheus posts it to Alertmanager's API, read the same way. */
    public AlertInput input(PostableAlert source) {
        return input(source.labels(), source.startsAt(), source.endsAt());
    }

    private static AlertInput input(Map<String, String> labels, Instant startsAt, Instant endsAt) {
        Instant plausibleEnd = endsAt != null && PlausibleInstant.Check.isPlausible(endsAt) ? endsAt : null;
        return new AlertInput(null, null, null, null, null, null, startsAt, labels, null, AlertStatus.FIRING,
                plausibleEnd);
    }

    /** What the decide API would refuse in this alert (too many labels, a far-future start). */
    public List<String> problems(AlertmanagerWebhook.Alert source) {
        return problems(source.labels(), source.startsAt(), source.endsAt());
    }

    public List<String> problems(PostedAlert source) {
        return problems(source.labels(), source.startsAt(), source.endsAt());
    }

    private static List<String> problems(Map<String, String> labels, String startsAtText, String endsAtText) {
        List<String> problems = labelProblems(labels);
        SentTime.problem("startsAt", startsAtText).ifPresent(problems::add);
        SentTime.problem("endsAt", endsAtText).ifPresent(problems::add);
        Instant startsAt = SentTime.parse(startsAtText);
        if (startsAt != null && !PlausibleInstant.Check.isPlausible(startsAt)) {
            problems.add("startsAt " + startsAt + " is not from " + PlausibleInstant.EARLIEST_TEXT + " up to "
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
