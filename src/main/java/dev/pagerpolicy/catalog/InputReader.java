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
 * another tool read through the mapping's {@code severities}. An alert that lacks a field still reaches the rules,
 * which can decide it by its labels: with kind {@code other} when it names none, and no severity or service when
 * they cannot be read. What could not be read is said, naming what would make it readable, for the fallback's
 * reason when no rule decides.
 */
public final class InputReader {
    private InputReader() {
    }

    /**
     * The alert, how it was read ({@code readAs}: what the input mappings set), what of it could not be read
     * ({@code unread}: empty when the alert is whole) and, among that, each value the alert gave that could not be
     * read ({@code notUnderstood}: a severity no policy maps, a kind label that names no kind), as opposed to a field
     * it does not give at all, which alerts routed by their labels alone leave out by design.
     */
    public record Read(Alert alert, List<String> unread, List<String> readAs, List<String> notUnderstood) {
        /** Why the fallback decides when no rule does, or null when the alert was read whole. */
        public String unreadCause(String what) {
            return unread.isEmpty() ? null : what + " could not be read: " + String.join("; ", unread);
        }
    }

    /**
     * The id of an alert given by its labels alone, read from the label the policies or the configuration name:
     * also for an alert that cannot be read as a whole and gets the fallback.
     */
    public static String idOf(Map<String, String> labels, InputMapping inputs, LabelNames configured) {
        return labels == null ? null : labels.get(labelNames(inputs, configured).id());
    }

    private static LabelNames labelNames(InputMapping inputs, LabelNames configured) {
        return inputs.labels() != null ? inputs.labels() : configured;
    }

    /**
     * @param configured     which labels carry the fields, unless the policies say ({@code labels:} of inputs.yaml)
     * @param firedAtDefault the instant of an alert that says nothing of when it fired: now
     */
    public static Read read(AlertInput input, InputMapping inputs, LabelNames configured, Instant firedAtDefault) {
        LabelNames names = labelNames(inputs, configured);
        Map<String, String> labels = input.labels() == null ? Map.of() : input.labels();
        Map<Field, String> given = new EnumMap<>(Field.class);
        given.put(Field.KIND, input.kind() != null ? input.kind().wireName() : labels.get(names.kind()));
        given.put(Field.SEVERITY, input.severity() != null ? input.severity() : labels.get(names.severity()));
        given.put(Field.SERVICE, input.service() != null ? input.service() : labels.get(names.service()));
        given.put(Field.MODEL, input.model() != null ? input.model() : labels.get(names.model()));
        given.put(Field.ENVIRONMENT, input.environment() != null ? input.environment() : labels.get(names.environment()));
        InputMapping.Resolution resolved = inputs.resolve(labels, given);
        Gaps gaps = new Gaps();
        List<String> readAs = new ArrayList<>(resolved.notes());

        Optional<String> kindValue = resolved.value(Field.KIND);
        AlertKind kind = kindValue.isPresent() ? kind(kindValue.get(), names.kind(), gaps)
                : missing(names.kind(), Field.KIND, gaps);
        Optional<String> severityValue = resolved.value(Field.SEVERITY);
        Severity severity = severityValue.isPresent() ? severity(inputs, severityValue.get(), gaps, readAs)
                : missing(names.severity(), Field.SEVERITY, gaps);
        Optional<String> service = resolved.value(Field.SERVICE);
        if (service.isEmpty()) {
            missing(names.service(), Field.SERVICE, gaps);
        }
        String id = input.id() != null ? input.id() : idOf(labels, inputs, configured);
        Alert alert = new Alert(id, kind == null ? AlertKind.OTHER : kind, severity, service.orElse(null),
                resolved.value(Field.MODEL).orElse(null), resolved.value(Field.ENVIRONMENT).orElse(null),
                input.firedAt() == null ? firedAtDefault : input.firedAt(), labels, input.signals());
        return new Read(alert, List.copyOf(gaps.unread), readAs, List.copyOf(gaps.notUnderstood));
    }

    /** What of an alert could not be read, in the order of its fields; among it, the values it gave. */
    private static final class Gaps {
        final List<String> unread = new ArrayList<>();
        final List<String> notUnderstood = new ArrayList<>();

        void missing(String why) {
            unread.add(why);
        }

        void notUnderstood(String why) {
            unread.add(why);
            notUnderstood.add(why);
        }
    }

    private static AlertKind kind(String value, String label, Gaps gaps) {
        try {
            return AlertKind.fromWireName(value);
        } catch (IllegalArgumentException e) {
            gaps.notUnderstood("label \"" + label + "\": " + e.getMessage());
            return null;
        }
    }

    /** One of the five by its name, or a word the policy maps; the fallback names the policy when it is neither. */
    private static Severity severity(InputMapping inputs, String word, Gaps gaps, List<String> readAs) {
        Optional<Severity> read = inputs.severity(word);
        if (read.isEmpty()) {
            gaps.notUnderstood("severity \"" + word + "\" is not one of " + WireNamed.allowed(Severity.class)
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
    private static <T> T missing(String label, Field field, Gaps gaps) {
        gaps.missing(field.wireName() + " is missing (no field \"" + field.wireName() + "\", no label \"" + label
                + "\"), and no mapping of policies/" + InputMapping.FILE + " sets it for this alert");
        return null;
    }
}
