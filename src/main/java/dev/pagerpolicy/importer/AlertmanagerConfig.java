package dev.pagerpolicy.importer;

import dev.pagerpolicy.catalog.LabelMatcher;
import dev.pagerpolicy.catalog.LabelMatcher.Operator;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The routing tree of an Alertmanager configuration ({@code route:}), with the line of every route, and what of the
 * configuration stays Alertmanager's: grouping, timing, inhibition, time intervals, the receivers' integrations.
 * What cannot be translated is refused as {@code FILE:LINE: message}.
 */
public record AlertmanagerConfig(String file, Route root, Set<String> staysInAlertmanager) {
    /** What a route may say about timing and grouping: Alertmanager's concern after the receiver is known. */
    private static final Set<String> ROUTE_TIMING = Set.of("group_by", "group_wait", "group_interval",
            "repeat_interval", "mute_time_intervals", "active_time_intervals");
    private static final Set<String> ROUTE_KEYS = Set.of("receiver", "match", "match_re", "matchers", "continue",
            "routes");

    public static AlertmanagerConfig read(Path path) throws InvalidSourceException {
        String file = path.getFileName().toString();
        Node document = YamlNodes.compose(path);
        return new Reader(file).read(document);
    }

    /** Reads one file, gathering every problem before refusing it. */
    private static final class Reader {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Set<String>> stays = new LinkedHashMap<>();
        private int nextIndex;

        Reader(String file) {
            this.file = file;
        }

        AlertmanagerConfig read(Node document) throws InvalidSourceException {
            if (!(document instanceof MappingNode top)) {
                throw new InvalidSourceException(List.of(Problem.inFile(file,
                        "is not an Alertmanager configuration (a mapping with a route)")));
            }
            Route root = null;
            for (NodeTuple entry : top.getValue()) {
                String key = text(entry.getKeyNode());
                switch (key) {
                    case "route" -> root = route(entry.getValueNode(), null, true);
                    case "inhibit_rules" -> stay("inhibition", key);
                    case "time_intervals", "mute_time_intervals" -> stay("time intervals", key);
                    case "receivers" -> stay("the receivers' integrations", key);
                    default -> stay("settings", key);
                }
            }
            if (root == null && problems.isEmpty()) {
                problems.add(Problem.inFile(file, "has no route: there is no routing tree to import"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidSourceException(problems);
            }
            Set<String> said = new LinkedHashSet<>();
            stays.forEach((what, keys) -> said.add(what + " (" + String.join(", ", keys) + ")"));
            return new AlertmanagerConfig(file, root, said);
        }

        /** What stays in Alertmanager, by what it is for, with the keys that say it. */
        private void stay(String what, String key) {
            stays.computeIfAbsent(what, w -> new LinkedHashSet<>()).add(key);
        }

        private Route route(Node node, String inherited, boolean isRoot) {
            int line = line(node);
            if (!(node instanceof MappingNode mapping)) {
                problems.add(new Problem(file, line, "a route must be a mapping"));
                return null;
            }
            int index = nextIndex++;
            String receiver = inherited;
            boolean continues = false;
            List<LabelMatcher> matchers = new ArrayList<>();
            List<Node> children = List.of();
            for (NodeTuple entry : mapping.getValue()) {
                String key = text(entry.getKeyNode());
                Node value = entry.getValueNode();
                if (ROUTE_TIMING.contains(key)) {
                    stay("grouping and timing", key);
                    continue;
                }
                if (!ROUTE_KEYS.contains(key)) {
                    problems.add(new Problem(file, line(entry.getKeyNode()), "route: unknown key \"" + key
                            + "\" (a route has receiver, match, match_re, matchers, continue, routes, and "
                            + String.join(", ", ROUTE_TIMING.stream().sorted().toList()) + ")"));
                    continue;
                }
                switch (key) {
                    case "receiver" -> receiver = text(value);
                    case "continue" -> continues = "true".equals(text(value));
                    case "match" -> pairs(value, Operator.EQUAL, matchers);
                    case "match_re" -> pairs(value, Operator.MATCHES, matchers);
                    case "matchers" -> matcherList(value, matchers);
                    default -> children = value instanceof SequenceNode list ? list.getValue() : null;
                }
                if (children == null) {
                    problems.add(new Problem(file, line(value), "routes must be a list of routes"));
                    children = List.of();
                }
            }
            if (isRoot && !matchers.isEmpty()) {
                problems.add(new Problem(file, line, "the root route must not have matchers: it takes every alert"));
            }
            if (receiver == null || receiver.isEmpty()) {
                problems.add(new Problem(file, line, "the root route has no receiver"));
            }
            List<Route> routes = new ArrayList<>();
            for (Node child : children) {
                Route route = route(child, receiver, false);
                if (route != null) {
                    routes.add(route);
                }
            }
            return new Route(index, line, receiver, matchers, continues, routes);
        }

        /** {@code match: {label: value}} and {@code match_re: {label: regex}}. */
        private void pairs(Node node, Operator operator, List<LabelMatcher> into) {
            if (!(node instanceof MappingNode mapping)) {
                problems.add(new Problem(file, line(node), "must be a mapping of label names to values"));
                return;
            }
            for (NodeTuple pair : mapping.getValue()) {
                String label = text(pair.getKeyNode());
                String value = text(pair.getValueNode());
                try {
                    into.add(LabelMatcher.of(label, operator, value, label + operator.text() + "\"" + value + "\""));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, line(pair.getValueNode()), e.getMessage()));
                }
            }
        }

        /** {@code matchers: ['a="b"', '{c=~"d", e!="f"}']}: each entry one matcher, or several within braces. */
        private void matcherList(Node node, List<LabelMatcher> into) {
            if (!(node instanceof SequenceNode list)) {
                problems.add(new Problem(file, line(node), "matchers must be a list of matchers"));
                return;
            }
            for (Node entry : list.getValue()) {
                for (String one : MatcherText.split(text(entry))) {
                    try {
                        into.add(LabelMatcher.parse(one));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(file, line(entry), e.getMessage()));
                    }
                }
            }
        }

        private static String text(Node node) {
            String text = YamlNodes.text(node);
            return text == null ? "" : text;
        }

        private static int line(Node node) {
            return YamlNodes.line(node);
        }
    }
}
