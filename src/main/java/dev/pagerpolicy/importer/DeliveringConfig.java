package dev.pagerpolicy.importer;

import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An Alertmanager configuration that delivers pager-policy's decisions: a route per receiver of the receivers file
 * (what {@code import alertmanager} reads), matching the copies pager-policy forwards by {@code pp_team} and
 * {@code pp_action}, so that each recipient's copy reaches the receiver that means that team and action. With the
 * original configuration, everything else is kept: {@code global}, templates, the receivers with their integrations,
 * inhibit rules and time intervals; and the original tree still routes alerts that did not come through pager-policy
 * (no {@code pp_action}), so that a migration can run both side by side.
 */
public final class DeliveringConfig {
    /** The root's receiver when there is no original configuration: copies no route takes end there. */
    public static final String UNROUTED = "pager-policy-unrouted";
    private static final List<String> GROUPING = List.of("group_by", "group_wait", "group_interval", "repeat_interval");
    private static final List<String> TIME_INTERVALS = List.of("mute_time_intervals", "active_time_intervals");

    /** The configuration written, and what could not be carried over, said as FILE:LINE: message. */
    public record Written(String yaml, int routes, List<String> notes) {
    }

    private DeliveringConfig() {
    }

    public static Written of(Receivers receivers, Optional<Path> original) throws InvalidSourceException {
        Map<String, Object> config = original.isPresent() ? load(original.get()) : new LinkedHashMap<>();
        Map<String, Object> originalRoute = map(config.get("route"));
        Set<String> defined = receiverNames(config);
        List<Problem> problems = new ArrayList<>();
        Map<String, Receivers.Receiver> byDecision = new LinkedHashMap<>();
        for (Receivers.Receiver receiver : receivers.byName().values()) {
            if (receiver.action() == Action.IGNORE) {
                continue; // reaches nobody: pager-policy forwards nothing for it
            }
            if (original.isPresent() && !defined.contains(receiver.name())) {
                problems.add(new Problem(receivers.file(), receiver.line(), "receiver \"" + receiver.name()
                        + "\" is not a receiver of " + original.get().getFileName()));
            }
            String decision = receiver.team() + " " + receiver.action().wireName();
            Receivers.Receiver same = byDecision.putIfAbsent(decision, receiver);
            if (same != null) {
                problems.add(new Problem(receivers.file(), receiver.line(), "receivers \"" + same.name() + "\" (line "
                        + same.line() + ") and \"" + receiver.name() + "\" both mean " + decision + ": a forwarded"
                        + " copy could not tell which to reach"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        List<String> notes = new ArrayList<>();
        Map<String, Map<String, Object>> intervals = original.isPresent()
                ? timeIntervalsByReceiver(originalRoute, original.get().getFileName().toString(), notes) : Map.of();

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("receiver", originalRoute.getOrDefault("receiver", UNROUTED));
        GROUPING.stream().filter(originalRoute::containsKey).forEach(key -> root.put(key, originalRoute.get(key)));
        if (original.isEmpty()) {
            root.put("group_by", List.of("alertname", "pp_team"));
        }
        List<Object> routes = new ArrayList<>();
        for (Receivers.Receiver receiver : byDecision.values()) {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("receiver", receiver.name());
            route.put("matchers", List.of("pp_team=\"" + receiver.team() + "\"",
                    "pp_action=\"" + receiver.action().wireName() + "\""));
            route.putAll(intervals.getOrDefault(receiver.name(), Map.of()));
            routes.add(route);
        }
        if (original.isPresent()) {
            // Alerts that did not come through pager-policy are routed by the original tree, as before.
            Map<String, Object> untouched = new LinkedHashMap<>();
            untouched.put("matchers", List.of("pp_action=\"\""));
            originalRoute.forEach(untouched::put);
            routes.add(untouched);
        }
        root.put("routes", routes);

        Map<String, Object> written = new LinkedHashMap<>();
        config.forEach((key, value) -> written.put(key, key.equals("route") ? root : value));
        written.putIfAbsent("route", root);
        if (original.isEmpty()) {
            List<Object> names = new ArrayList<>();
            names.add(Map.of("name", UNROUTED));
            byDecision.values().forEach(receiver -> names.add(Map.of("name", receiver.name())));
            written.put("receivers", names);
        }
        DumperOptions style = new DumperOptions();
        style.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        style.setWidth(120);
        style.setDereferenceAliases(true); // the same grouping written twice, not as an anchor and alias
        return new Written(new Yaml(style).dump(written), byDecision.size(), notes);
    }

    /**
     * The time intervals of the original routes that end at each receiver, carried to its route by decision when every
     * route to it says the same; otherwise a note says which routes could not be carried.
     */
    private static Map<String, Map<String, Object>> timeIntervalsByReceiver(Map<String, Object> root, String file,
                                                                           List<String> notes) {
        Map<String, List<Map<String, Object>>> seen = new LinkedHashMap<>();
        collect(root, seen);
        Map<String, Map<String, Object>> carried = new LinkedHashMap<>();
        seen.forEach((receiver, each) -> {
            Set<Map<String, Object>> distinct = new LinkedHashSet<>(each);
            if (distinct.size() == 1) {
                carried.put(receiver, distinct.iterator().next());
            } else {
                notes.add(file + ": the routes to receiver \"" + receiver + "\" mute or activate at different times "
                        + distinct + ": its route by decision keeps none of them");
            }
        });
        return carried;
    }

    private static void collect(Map<String, Object> route, Map<String, List<Map<String, Object>>> seen) {
        Object receiver = route.get("receiver");
        if (receiver != null) {
            Map<String, Object> intervals = new LinkedHashMap<>();
            TIME_INTERVALS.stream().filter(route::containsKey).forEach(key -> intervals.put(key, route.get(key)));
            seen.computeIfAbsent(receiver.toString(), r -> new ArrayList<>()).add(intervals);
        }
        Object children = route.get("routes");
        if (children instanceof List<?> list) {
            list.forEach(child -> collect(map(child), seen));
        }
    }

    private static Set<String> receiverNames(Map<String, Object> config) {
        Set<String> names = new LinkedHashSet<>();
        if (config.get("receivers") instanceof List<?> list) {
            list.forEach(receiver -> Optional.ofNullable(map(receiver).get("name")).ifPresent(n -> names.add(n.toString())));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    private static Map<String, Object> load(Path path) throws InvalidSourceException {
        String file = path.getFileName().toString();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object document = new Yaml(options).load(Files.readString(path));
            if (!(document instanceof Map<?, ?>)) {
                throw new InvalidSourceException(List.of(Problem.inFile(file, "is not an Alertmanager configuration"
                        + " (a mapping with route and receivers)")));
            }
            return map(document);
        } catch (YAMLException | IOException e) {
            throw new InvalidSourceException(List.of(Problem.inFile(file, "cannot be read: " + e.getMessage())));
        }
    }
}
