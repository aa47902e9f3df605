package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Role;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.YamlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@value #FILE} beside the scenarios: the invariants a rule set must keep for every alert. Every mistake
 * is a {@code FILE:LINE: message}: an unknown field, a value that is not a kind, a team the policies lack.
 */
public final class InvariantFile {
    public static final String FILE = ScenarioLoader.INVARIANTS_FILE;

    private InvariantFile() {
    }

    /** One entry as written. */
    record Entry(String name, Map<String, Object> when, Map<String, Object> never, Map<String, Object> always) {
    }

    /** @return the invariants in {@code scenariosDir}, none when it has no such file */
    public static List<Invariant> load(Path scenariosDir, Catalog catalog) throws InvalidSourceException {
        Path file = scenariosDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        List<Invariant> invariants = new ArrayList<>();
        try {
            Map<String, Located<Entry>> byName = new HashMap<>();
            for (Located<Entry> entry : new YamlFile(file, Files.readAllBytes(file), problems).readList(Entry.class, "invariant")) {
                Invariant invariant = compile(entry, catalog, problems);
                Located<Entry> first = entry.value().name() == null ? null : byName.putIfAbsent(entry.value().name(), entry);
                if (first != null) {
                    problems.add(entry.problem("invariant \"" + entry.value().name() + "\" is already defined at "
                            + first.file() + ":" + first.line()));
                }
                if (invariant != null) {
                    invariants.add(invariant);
                }
            }
        } catch (IOException e) {
            problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return invariants;
    }

    private static Invariant compile(Located<Entry> located, Catalog catalog, List<Problem> problems) {
        Entry entry = located.value();
        int before = problems.size();
        String name = entry.name() == null || entry.name().isBlank() ? null : entry.name();
        String label = "invariant " + (name == null ? "#?" : "\"" + name + "\"") + ": ";
        if (name == null) {
            problems.add(located.problem("invariant: give it a name, which is how a violation is reported"));
        }
        if ((entry.never() == null) == (entry.always() == null)) {
            problems.add(located.at(entry.never() == null ? null : "always").problem(label
                    + "state either \"never\" or \"always\", not "
                    + (entry.never() == null ? "neither" : "both")));
            return null;
        }
        Map<String, Object> then = entry.never() != null ? entry.never() : entry.always();
        String thenKey = entry.never() != null ? "never" : "always";
        if (then.isEmpty()) {
            problems.add(located.at(thenKey).problem(label + thenKey + " states nothing to check"));
        }
        List<Condition> when = conditions(entry.when() == null ? Map.of() : entry.when(), "when",
                Condition.ALERT_FIELDS, catalog, located, label, problems);
        List<Condition> thenConditions = conditions(then, thenKey, Condition.DECISION_FIELDS, catalog, located,
                label, problems);
        return problems.size() > before ? null
                : new Invariant(name, located.file(), located.line(), when, entry.always() != null, thenConditions);
    }

    private static List<Condition> conditions(Map<String, Object> written, String key, Set<String> fields,
                                              Catalog catalog, Located<Entry> located, String label,
                                              List<Problem> problems) {
        List<Condition> conditions = new ArrayList<>();
        Located<Entry> at = located.at(key); // a problem of a condition is at the line of its when, never or always
        Map<String, Object> ordered = new LinkedHashMap<>();
        written.forEach((field, value) -> {
            // labels: {name: value} is labels.name: value, for each name
            if (field.equals(Condition.LABELS) && value instanceof Map<?, ?> byName && fields == Condition.ALERT_FIELDS) {
                byName.forEach((name, v) -> ordered.put(Condition.LABEL_PREFIX + name, v));
            } else {
                ordered.put(field, value);
            }
        });
        ordered.forEach((field, value) -> {
            boolean ofALabel = fields == Condition.ALERT_FIELDS && field.startsWith(Condition.LABEL_PREFIX)
                    && field.length() > Condition.LABEL_PREFIX.length();
            if (!fields.contains(field) && !ofALabel) {
                problems.add(at.problem(label + key + "." + field + " is not a field here (fields: "
                        + String.join(", ", new TreeSet<>(fields)) + (fields == Condition.ALERT_FIELDS
                        ? ", and labels.NAME" : "") + ")"));
                return;
            }
            List<String> values = values(value);
            for (String v : values) {
                String problem = invalid(field, v, catalog);
                if (problem != null) {
                    problems.add(at.problem(label + key + "." + field + ": " + problem));
                }
            }
            if (values.isEmpty()) {
                problems.add(at.problem(label + key + "." + field + ": list at least one value"));
            }
            // Durations compare as written by Java ("PT5M"), however the author wrote them ("PT300S").
            conditions.add(new Condition(field, field.equals("ackWithin") && problems.isEmpty()
                    ? values.stream().map(v -> v.equals("null") ? v : Duration.parse(v).toString()).toList() : values));
        });
        return conditions;
    }

    /** A scalar or a list of scalars, as text: null is "null", true is "true". */
    private static List<String> values(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? "null" : v.toString()).toList();
        }
        return List.of(value == null ? "null" : value.toString());
    }

    /** Why a value cannot be meant for a field, or null when it can. */
    private static String invalid(String field, String value, Catalog catalog) {
        if (value.startsWith("$")) {
            return Condition.TEAM_FIELDS.contains(field) && Condition.TEAM_REFERENCES.contains(value) ? null
                    : "\"" + value + "\" is not a reference here (" + String.join(", ", new TreeSet<>(Condition.TEAM_FIELDS))
                    + " may name one of " + String.join(", ", new TreeSet<>(Condition.TEAM_REFERENCES)) + ")";
        }
        return switch (field) {
            case "service" -> known(value, catalog.services().keySet(), "service");
            case "model" -> value.equals("null") ? null : known(value, catalog.models().keySet(), "model");
            case "tier" -> known(value, catalog.tiers().keySet(), "SLA tier");
            case "target.team", "escalation", "paged.team" -> known(value, catalog.teams().keySet(), "team");
            case "kind" -> oneOf(value, AlertKind.values(), "kind");
            case "severity" -> oneOf(value, Severity.values(), "severity");
            case "outage" -> oneOf(value, dev.pagerpolicy.domain.Situation.OutageFiring.values(), "outage");
            case "action" -> oneOf(value, Action.values(), "action");
            case "target.role", "paged.role" -> oneOf(value, Role.values(), "role");
            case "production", "maintenance", "deferred", "fallback", Condition.AWAKE -> value.equals("true") || value.equals("false") ? null
                    : "\"" + value + "\" is not true or false";
            case "notBefore" -> value.equals("null") ? null
                    : "only null can be stated (a page that does not wait); use deferred: true for one that does";
            case "ackWithin" -> duration(value);
            default -> null;
        };
    }

    private static String known(String value, Set<String> names, String kind) {
        return names.contains(value) ? null : kind + " \"" + value + "\" is not defined in the policies";
    }

    private static String oneOf(String value, dev.pagerpolicy.alert.WireNamed[] known, String kind) {
        List<String> names = Arrays.stream(known).map(dev.pagerpolicy.alert.WireNamed::wireName).toList();
        return names.contains(value) ? null
                : "\"" + value + "\" is not " + (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " (" + names.stream().collect(Collectors.joining(", ")) + ")";
    }

    private static String duration(String value) {
        if (value.equals("null")) {
            return null;
        }
        try {
            Duration.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            return "\"" + value + "\" is not an ISO-8601 duration such as PT5M";
        }
    }
}
