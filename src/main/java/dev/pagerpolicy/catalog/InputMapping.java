package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How raw alerts are read ({@code policies/inputs.yaml}): the severity words of other tools, each read as one of
 * the five, and ordered mappings that set an alert's fields from its labels. For each field the alert does not
 * give itself, the first mapping whose matchers all match and that sets the field decides it, as Alertmanager's
 * first matching route does. Real alerts carry {@code alertname}, {@code namespace} and {@code severity: warning},
 * not this service's fields: the mapping is where an organisation says what those mean.
 */
public record InputMapping(LabelNames labels, Map<String, Severity> severityWords, List<Mapping> mappings) {
    public static final String FILE = "inputs.yaml";
    public static final InputMapping NONE = new InputMapping(null, Map.of(), List.of());

    /**
     * @param labels which labels carry the alert's own fields, when the policies say ({@code labels:}); null: the
     *               service's configuration ({@code pager-policy.alertmanager.*-label}) or {@link LabelNames#DEFAULT}
     */
    public InputMapping {
        severityWords = Map.copyOf(severityWords.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
        mappings = List.copyOf(mappings);
    }

    /** The fields a mapping can set. */
    public enum Field implements WireNamed {
        KIND, SEVERITY, SERVICE, MODEL, ENVIRONMENT;

        @Override
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a mapping sets a field to: a constant, or the value of a label, read through a table when one is given
     * (a value the table lacks sets nothing, and the next mapping is asked).
     */
    public record Setting(String constant, String label, Map<String, String> table) {
        public Setting {
            table = table == null ? Map.of() : Map.copyOf(table);
        }

        Optional<String> valueFor(Map<String, String> labels) {
            if (constant != null) {
                return Optional.of(constant);
            }
            String raw = labels == null ? null : labels.get(label);
            if (raw == null || raw.isEmpty()) {
                return Optional.empty();
            }
            return table.isEmpty() ? Optional.of(raw) : Optional.ofNullable(table.get(raw));
        }

        /** Whether it gives a value whenever its mapping matches: a constant. */
        boolean alwaysSets() {
            return constant != null;
        }

        String describe(Map<String, String> labels) {
            return constant != null ? "" : " (from label " + label + "=\"" + labels.get(label) + "\")";
        }
    }

    /** One entry of {@code mappings}, at {@code line} of the file. */
    public record Mapping(String name, int line, List<LabelMatcher> matchers, Map<Field, Setting> sets) {
        public Mapping {
            matchers = List.copyOf(matchers);
            sets = sets.isEmpty() ? Map.of() : new EnumMap<>(sets);
        }

        public boolean matches(Map<String, String> labels) {
            return matchers.stream().allMatch(m -> m.matches(labels));
        }
    }

    /**
     * The fields of one alert: each given one as it is; each other from the first mapping that matches and gives a
     * value. {@code notes} says which mapping set what, for the decision's reasons.
     */
    public record Resolution(Map<Field, String> values, List<String> notes) {
        public Optional<String> value(Field field) {
            return Optional.ofNullable(values.get(field));
        }
    }

    public Resolution resolve(Map<String, String> labels, Map<Field, String> given) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        List<String> notes = new ArrayList<>();
        for (Field field : Field.values()) {
            String own = given.get(field);
            if (own != null && !own.isBlank()) {
                values.put(field, own);
                continue;
            }
            for (Mapping mapping : mappings) {
                Setting setting = mapping.sets().get(field);
                if (setting == null || !mapping.matches(labels)) {
                    continue;
                }
                Optional<String> value = setting.valueFor(labels);
                if (value.isPresent()) {
                    values.put(field, value.get());
                    notes.add(field.wireName() + " = " + value.get() + setting.describe(labels) + ", by mapping \""
                            + mapping.name() + "\" of policies/" + FILE);
                    break;
                }
            }
        }
        return new Resolution(values, notes);
    }

    /** The severity a word names: one of the five by its own name, or a word of {@code severities}, in any case. */
    public Optional<Severity> severity(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String lower = word.strip().toLowerCase(Locale.ROOT);
        for (Severity severity : Severity.values()) {
            if (severity.wireName().equals(lower)) {
                return Optional.of(severity);
            }
        }
        return Optional.ofNullable(severityWords.get(lower));
    }
}
