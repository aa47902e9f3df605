package dev.pagerpolicy.importer;

import dev.pagerpolicy.catalog.LabelMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One route of an Alertmanager routing tree, read as Alertmanager reads it: its receiver (inherited from its
 * parent when it names none), its matchers (all must match; none matches every alert), whether matching goes on
 * to its next siblings ({@code continue}), and its child routes.
 *
 * @param index     its place in the tree, depth first from the root (0)
 * @param line      the line of the configuration where it begins
 */
public record Route(int index, int line, String receiver, List<LabelMatcher> matchers, boolean continues,
                    List<Route> routes) {

    public Route {
        matchers = List.copyOf(matchers);
        routes = List.copyOf(routes);
    }

    /** Whether its own matchers all match the labels (an absent label reads as {@code ""}). */
    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    /**
     * The routes an alert with these labels ends at, in order, as Alertmanager's dispatcher finds them: from this
     * route (which must match), each child in turn that matches gives its own routes, and the search stops at the
     * first that matches without {@code continue}; a route none of whose children match is itself the end.
     */
    public List<Route> ends(Map<String, String> labels) {
        List<Route> ends = new ArrayList<>();
        for (Route child : routes) {
            if (child.matches(labels)) {
                ends.addAll(child.ends(labels));
                if (!child.continues) {
                    break;
                }
            }
        }
        return ends.isEmpty() ? List.of(this) : ends;
    }

    /** This route and every route below it, depth first: the order in which their receivers are named. */
    public List<Route> walk() {
        List<Route> all = new ArrayList<>();
        all.add(this);
        routes.forEach(child -> all.addAll(child.walk()));
        return all;
    }
}
