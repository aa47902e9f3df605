package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.PlausibleInstant;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.catalog.InputMapping;
import dev.pagerpolicy.catalog.InputMapping.Field;
import dev.pagerpolicy.engine.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;

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
    @Inject
    ActiveRuleSet active;

    /**
     * Either the alert, with how it was read ({@code readAs}: what the input mappings set), or every reason it could
     * not be read, each saying what would make it readable.
     */
    public record Mapped(Alert alert, List<String> problems, List<String> readAs) {
    }

    public Mapped map(AlertmanagerWebhook.Alert source) {
        PagerPolicyConfig.Alertmanager names = config.alertmanager();
        InputMapping inputs = active.get().catalog().inputs();
        List<String> problems = labelProblems(source.labels());
        if (source.startsAt() != null && !PlausibleInstant.Check.isPlausible(source.startsAt())) {
            problems.add("startsAt " + source.startsAt() + " is not from " + PlausibleInstant.EARLIEST_TEXT + " up to "
                    + PlausibleInstant.LATEST_TEXT);
        }
        Map<Field, String> given = new EnumMap<>(Field.class);
        given.put(Field.KIND, source.label(names.kindLabel()));
        given.put(Field.SEVERITY, source.label(names.severityLabel()));
        given.put(Field.SERVICE, source.label(names.serviceLabel()));
        given.put(Field.MODEL, source.label(names.modelLabel()));
        given.put(Field.ENVIRONMENT, source.label(names.environmentLabel()));
        InputMapping.Resolution resolved = inputs.resolve(source.labels(), given);
        List<String> readAs = new ArrayList<>(resolved.notes());

        Optional<String> kindValue = resolved.value(Field.KIND);
        AlertKind kind = kindValue.isPresent() ? kind(kindValue.get(), names.kindLabel(), problems)
                : missing(names.kindLabel(), Field.KIND, problems);
        Optional<String> severityValue = resolved.value(Field.SEVERITY);
        Severity severity = severityValue.isPresent() ? severity(inputs, severityValue.get(), problems, readAs)
                : missing(names.severityLabel(), Field.SEVERITY, problems);
        String service = resolved.value(Field.SERVICE).orElseGet(() -> missing(names.serviceLabel(), Field.SERVICE,
                problems));
        if (!problems.isEmpty()) {
            return new Mapped(null, problems, readAs);
        }
        return new Mapped(new Alert(source.label(names.idLabel()), kind, severity, service,
                resolved.value(Field.MODEL).orElse(null), resolved.value(Field.ENVIRONMENT).orElse(null),
                source.startsAt() == null ? clock.instant() : source.startsAt(), source.labels(), null),
                List.of(), readAs);
    }

    /** One of the five by its name, or a word the policy maps; the fallback names the policy when it is neither. */
    private static Severity severity(InputMapping inputs, String word, List<String> problems, List<String> readAs) {
        Optional<Severity> read = inputs.severity(word);
        if (read.isEmpty()) {
            problems.add("severity \"" + word + "\" is not one of " + WireNamed.allowed(Severity.class)
                    + ", and policies/" + InputMapping.FILE + " (severities) does not map it");
            return null;
        }
        if (!read.get().wireName().equals(word)) {
            readAs.add("severity \"" + word + "\" is read as " + read.get().wireName() + ", by policies/"
                    + InputMapping.FILE + " (severities)");
        }
        return read.get();
    }

    /** The fallback names what to change: the label to send, or the policy that would map it. */
    private static <T> T missing(String label, Field field, List<String> problems) {
        problems.add("label \"" + label + "\" is missing, and no mapping of policies/" + InputMapping.FILE + " sets "
                + field.wireName() + " for this alert");
        return null;
    }

    private static AlertKind kind(String value, String label, List<String> problems) {
        try {
            return AlertKind.fromWireName(value);
        } catch (IllegalArgumentException e) {
            problems.add("label \"" + label + "\": " + e.getMessage());
            return null;
        }
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
