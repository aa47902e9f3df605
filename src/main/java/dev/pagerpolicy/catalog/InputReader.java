package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.catalog.InputMapping.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an alert as it arrived (fields, labels, or both) into the alert the rules see, the same way wherever it
 * came from ({@code POST /v1/decide}, a batch, Alertmanager, a scenario): each field the alert gives itself, else
 * the label that carries it ({@link LabelNames}), else the first input mapping that sets it; a severity word of
 * another tool read through the mapping's {@code severities}. What cannot be read is said, naming what would make
 * it readable, for the fallback's reason.
 */
public final class InputReader {
    private InputReader() {
    }

    /**
     * Either the alert, with how it was read ({@code readAs}: what the input mappings set), or every reason it could
     * not be read, with its id, severity and environment when those could be read.
     */
    public record Read(Alert alert, List<String> problems, List<String> readAs, String id, Severity severity,
                       String environment) {
        public boolean readable() {
            return alert != null;
        }
    }

    /**
     * @param configured     which labels carry the fields, unless the policies say ({@code labels:} of inputs.yaml)
     * @param firedAtDefault the instant of an alert that says nothing of when it fired: now
     */
    public static Read read(AlertInput input, InputMapping inputs, LabelNames configured, Instant firedAtDefault) {
        LabelNames names = inputs.labels() != null ? inputs.labels() : configured;
        Map<String, String> labels = input.labels() == null ? Map.of() : input.labels();
        Map<Field, String> given = new EnumMap<>(Field.class);
        given.put(Field.KIND, input.kind() != null ? input.kind().wireName() : labels.get(names.kind()));
        given.put(Field.SEVERITY, input.severity() != null ? input.severity() : labels.get(names.severity()));
        given.put(Field.SERVICE, input.service() != null ? input.service() : labels.get(names.service()));
        given.put(Field.MODEL, input.model() != null ? input.model() : labels.get(names.model()));
        given.put(Field.ENVIRONMENT, input.environment() != null ? input.environment() : labels.get(names.environment()));
        InputMapping.Resolution resolved = inputs.resolve(labels, given);
        List<String> problems = new ArrayList<>();
        List<String> readAs = new ArrayList<>(resolved.notes());

        Optional<String> kindValue = resolved.value(Field.KIND);
        AlertKind kind = kindValue.isPresent() ? kind(kindValue.get(), names.kind(), problems)
                : missing(names.kind(), Field.KIND, problems);
        Optional<String> severityValue = resolved.value(Field.SEVERITY);
        Severity severity = severityValue.isPresent() ? severity(inputs, severityValue.get(), problems, readAs)
                : missing(names.severity(), Field.SEVERITY, problems);
        Optional<String> service = resolved.value(Field.SERVICE);
        if (service.isEmpty()) {
            missing(names.service(), Field.SERVICE, problems);
        }
        String environment = resolved.value(Field.ENVIRONMENT).orElse(null);
        String id = input.id() != null ? input.id() : labels.get(names.id());
        if (!problems.isEmpty()) {
            return new Read(null, problems, readAs, id, severity, environment); // what was read sets the fallback's urgency
        }
        return new Read(new Alert(id, kind, severity, service.get(), resolved.value(Field.MODEL).orElse(null),
                environment, input.firedAt() == null ? firedAtDefault : input.firedAt(), labels, input.signals()),
                List.of(), readAs, id, severity, environment);
    }

    private static AlertKind kind(String value, String label, List<String> problems) {
        try {
            return AlertKind.fromWireName(value);
        } catch (IllegalArgumentException e) {
            problems.add("label \"" + label + "\": " + e.getMessage());
            return null;
        }
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
        problems.add(field.wireName() + " is missing (no field \"" + field.wireName() + "\", no label \"" + label
                + "\"), and no mapping of policies/" + InputMapping.FILE + " sets it for this alert");
        return null;
    }
}
