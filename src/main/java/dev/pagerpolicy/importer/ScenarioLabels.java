package dev.pagerpolicy.importer;

import dev.pagerpolicy.catalog.LabelMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels that end at a route, for its scenario: the values its matchers and its ancestors' ask for, a word that a
 * regular expression matches (tried from its own text), and a value that a negative matcher accepts. Checked
 * against the tree itself; a route for which none is found simply has no scenario.
 */
final class ScenarioLabels {
    /** A group of alternatives, {@code (B|C)}: its first alternative is a candidate's text. */
    private static final Pattern GROUP = Pattern.compile("\\(([^()|]*)(?:\\|[^()]*)?\\)");

    private ScenarioLabels() {
    }

    static Optional<Map<String, String>> reaching(Route target, Route root) {
        List<Route> path = pathTo(root, target);
        Map<String, String> labels = new HashMap<>();
        labels.put("alertname", "ExampleAlert"); // every alert of Prometheus has one; a matcher may ask for another
        for (Route route : path) {
            for (LabelMatcher m : route.matchers()) {
                if (m.matches(labels)) {
                    continue;
                }
                Optional<String> value = valueFor(m);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                labels.put(m.label(), value.get());
            }
        }
        return root.ends(labels).contains(target) ? Optional.of(Map.copyOf(labels)) : Optional.empty();
    }

    private static List<Route> pathTo(Route from, Route target) {
        if (from == target) {
            return new ArrayList<>(List.of(from));
        }
        for (Route child : from.routes()) {
            List<Route> path = pathTo(child, target);
            if (!path.isEmpty()) {
                path.add(0, from);
                return path;
            }
        }
        return new ArrayList<>();
    }

    /** A regular expression's text as a word: {@code .*} dropped, {@code .+} as one letter, no brackets or anchors. */
    private static String plain(String regex) {
        return regex.replace(".*", "").replace(".+", "x").replaceAll("[()^$\\\\]", "");
    }

    private static Optional<String> valueFor(LabelMatcher m) {
        List<String> candidates = new ArrayList<>();
        switch (m.operator()) {
            case EQUAL -> candidates.add(m.value());
            case MATCHES -> {
                Matcher group = GROUP.matcher(m.value());
                if (group.find()) {
                    candidates.add(plain(m.value().substring(0, group.start()) + group.group(1)
                            + m.value().substring(group.end())));
                }
                for (String alternative : m.value().split("\\|")) {
                    candidates.add(plain(alternative));
                }
            }
            default -> candidates.add("not-" + m.value().replaceAll("[^A-Za-z0-9_-]", ""));
        }
        candidates.add("x");
        return candidates.stream().filter(c -> m.matches(Map.of(m.label(), c))).findFirst();
    }
}
