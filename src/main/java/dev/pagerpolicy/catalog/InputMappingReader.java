package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.catalog.InputMapping.Field;
import dev.pagerpolicy.catalog.InputMapping.Mapping;
import dev.pagerpolicy.catalog.InputMapping.Setting;
import dev.pagerpolicy.catalog.source.InputsEntry;
import dev.pagerpolicy.catalog.source.MappingEntry;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.YamlFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads {@code inputs.yaml} into an {@link InputMapping}, checked like every policy, each problem as
 * {@code FILE:LINE: message}: a matcher that is not one, a regular expression that does not compile (or that
 * Alertmanager would read otherwise), a field that cannot be set, a kind, severity, service or model that does
 * not exist, and a mapping that an earlier one always shadows.
 */
final class InputMappingReader {
    private final YamlFile file;
    private final Predicate<String> serviceNamed;
    private final Predicate<String> modelNamed;
    private final List<Problem> problems;

    /**
     * @param serviceNamed whether a name is a service of the catalog (or an entry already reported as invalid)
     * @param modelNamed   the same for models
     */
    InputMappingReader(YamlFile file, Predicate<String> serviceNamed, Predicate<String> modelNamed,
                       List<Problem> problems) {
        this.file = file;
        this.serviceNamed = serviceNamed;
        this.modelNamed = modelNamed;
        this.problems = problems;
    }

    InputMapping read() {
        Map<String, Severity> words = new HashMap<>();
        Optional<Located<InputsEntry>> top = file.readObject(InputsEntry.class);
        top.ifPresent(t -> {
            if (t.value().severities() != null) {
                t.value().severities().forEach((word, severity) -> severityWord(t, word, severity)
                        .ifPresent(s -> words.put(word, s)));
            }
        });
        LabelNames labels = top.flatMap(t -> labelNames(t)).orElse(null);
        InputMapping partial = new InputMapping(labels, words, List.of());
        List<Mapping> mappings = new ArrayList<>();
        for (Located<MappingEntry> entry : file.readOptionalList("mappings", MappingEntry.class, "mapping",
                Set.of("labels", "severities"))) {
            mapping(entry, partial).ifPresent(mapping -> {
                shadowing(mapping, mappings).ifPresent(problems::add);
                mappings.add(mapping);
            });
        }
        return new InputMapping(labels, words, mappings);
    }

    /** {@code labels:} which label carries each field; those not named keep their usual label. */
    private Optional<LabelNames> labelNames(Located<InputsEntry> top) {
        Map<String, String> given = top.value().labels();
        if (given == null) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>();
        given.forEach((field, label) -> {
            if (!java.util.Set.of("kind", "severity", "service", "model", "environment", "id").contains(field)) {
                problems.add(top.problem("labels: \"" + field + "\" is not a field carried by a label (kind, severity,"
                        + " service, model, environment, id)"));
            } else if (label == null || label.isBlank()) {
                problems.add(top.problem("labels: " + field + ": name the label that carries it"));
            } else {
                names.put(field, label);
            }
        });
        LabelNames d = LabelNames.DEFAULT;
        return Optional.of(new LabelNames(names.getOrDefault("kind", d.kind()), names.getOrDefault("severity", d.severity()),
                names.getOrDefault("service", d.service()), names.getOrDefault("model", d.model()),
                names.getOrDefault("environment", d.environment()), names.getOrDefault("id", d.id())));
    }

    private Optional<Severity> severityWord(Located<?> at, String word, String severity) {
        try {
            return Optional.of(Severity.fromWireName(severity));
        } catch (IllegalArgumentException e) {
            problems.add(at.problem("severities: \"" + word + "\" is read as \"" + severity + "\", which is not one of "
                    + WireNamed.allowed(Severity.class)));
            return Optional.empty();
        }
    }

    private Optional<Mapping> mapping(Located<MappingEntry> entry, InputMapping severities) {
        MappingEntry written = entry.value();
        String name = written.name() == null ? "(unnamed)" : written.name();
        int before = problems.size();
        if (written.name() == null || written.name().isBlank()) {
            problems.add(entry.problem("mapping (unnamed): give it a name, which the decisions it maps will cite"));
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (String text : written.matchers() == null ? List.<String>of() : written.matchers()) {
            try {
                matchers.add(LabelMatcher.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(entry.problem("mapping \"" + name + "\": " + e.getMessage()));
            }
        }
        Map<Field, Setting> sets = new EnumMap<>(Field.class);
        if (written.set() == null || written.set().isEmpty()) {
            problems.add(entry.problem("mapping \"" + name + "\": \"set\" names no field to set ("
                    + WireNamed.allowed(Field.class) + ")"));
        } else {
            written.set().forEach((fieldName, setting) -> {
                Field field;
                try {
                    field = WireNamed.parse(Field.class, fieldName);
                } catch (IllegalArgumentException e) {
                    problems.add(entry.problem("mapping \"" + name + "\": \"" + fieldName + "\" is not a field a mapping"
                            + " can set (" + WireNamed.allowed(Field.class) + ")"));
                    return;
                }
                setting(entry, name, field, setting, severities).ifPresent(s -> sets.put(field, s));
            });
        }
        return problems.size() == before ? Optional.of(new Mapping(name, entry.line(), matchers, sets)) : Optional.empty();
    }

    private Optional<Setting> setting(Located<MappingEntry> entry, String name, Field field,
                                      MappingEntry.SettingEntry written, InputMapping severities) {
        String where = "mapping \"" + name + "\", " + field.wireName();
        if (written == null || (written.value() == null) == (written.label() == null)) {
            problems.add(entry.problem(where + ": give either a value or {label: NAME} (with values: {...} to"
                    + " translate them)"));
            return Optional.empty();
        }
        if (written.value() != null && written.values() != null) {
            problems.add(entry.problem(where + ": \"values\" translates a label; a constant needs none"));
            return Optional.empty();
        }
        List<String> results = written.value() != null ? List.of(written.value())
                : written.values() == null ? List.of() : List.copyOf(written.values().values());
        Predicate<String> known = known(field, severities);
        for (String result : results) {
            if (!known.test(result)) {
                problems.add(entry.problem(where + ": " + unknown(field, result)));
            }
        }
        return Optional.of(new Setting(written.value(), written.label(), written.values()));
    }

    private Predicate<String> known(Field field, InputMapping severities) {
        return switch (field) {
            case KIND -> value -> isKind(value);
            case SEVERITY -> value -> severities.severity(value).isPresent();
            case SERVICE -> serviceNamed;
            case MODEL -> modelNamed;
            case ENVIRONMENT -> value -> !value.isBlank();
        };
    }

    private static boolean isKind(String value) {
        try {
            AlertKind.fromWireName(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String unknown(Field field, String value) {
        return switch (field) {
            case KIND -> "\"" + value + "\" is not one of " + WireNamed.allowed(AlertKind.class);
            case SEVERITY -> "\"" + value + "\" is not one of " + WireNamed.allowed(Severity.class)
                    + " nor a word of \"severities\"";
            case SERVICE -> "undefined service \"" + value + "\" (not in policies/" + CatalogLoader.SERVICES + ")";
            case MODEL -> "undefined model \"" + value + "\" (not in policies/" + CatalogLoader.MODELS + ")";
            case ENVIRONMENT -> "an environment must not be blank";
        };
    }

    /**
     * A mapping is never used for a field when an earlier one matches every alert it matches (its matchers are a
     * subset of this one's) and always sets that field: a mapping of which no field is ever used is a mistake.
     */
    private Optional<Problem> shadowing(Mapping mapping, List<Mapping> earlier) {
        Set<Field> unused = new HashSet<>();
        Mapping by = null;
        for (Field field : mapping.sets().keySet()) {
            for (Mapping before : earlier) {
                Setting setting = before.sets().get(field);
                if (setting != null && setting.alwaysSets()
                        && Set.copyOf(mapping.matchers().stream().map(LabelMatcher::toString).toList())
                        .containsAll(before.matchers().stream().map(LabelMatcher::toString).toList())) {
                    unused.add(field);
                    by = before;
                    break;
                }
            }
        }
        if (by == null || unused.size() < mapping.sets().size()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(file.name(), mapping.line(), "mapping \"" + mapping.name() + "\" is never used:"
                + " mapping \"" + by.name() + "\" (line " + by.line() + ") matches every alert it matches and sets "
                + String.join(", ", mapping.sets().keySet().stream().map(Field::wireName).toList()) + " first"));
    }
}
