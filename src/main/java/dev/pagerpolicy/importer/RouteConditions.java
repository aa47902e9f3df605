package dev.pagerpolicy.importer;

import dev.pagerpolicy.catalog.LabelMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When an alert ends at a route, as conditions on its labels: each a matcher, or "one of these" (a route that
 * must not match, as the matchers it would fail). An alert reaches a route when its ancestors and it match and no
 * earlier sibling without {@code continue} matched (the first such sibling would have taken it); it ends there
 * when, besides, none of its children matches. A route that can never be reached (after a sibling that matches
 * every alert) has none.
 */
final class RouteConditions {
    /** One condition: at least one of its matchers holds (a single matcher, or a route that must not match). */
    record Condition(List<LabelMatcher> anyOf) {
        boolean single() {
            return anyOf.size() == 1;
        }
    }

    private final Map<Route, List<Condition>> reach = new IdentityHashMap<>();
    private final Set<Route> afterAContinue = Collections.newSetFromMap(new IdentityHashMap<>());

    RouteConditions(Route root) {
        reach.put(root, List.of());
        visit(root);
    }

    private void visit(Route parent) {
        List<Condition> parentReach = reach.get(parent);
        List<Condition> earlier = new ArrayList<>();
        boolean blocked = parentReach == null;
        boolean continued = afterAContinue.contains(parent);
        for (Route child : parent.routes()) {
            if (continued) {
                afterAContinue.add(child);
            }
            continued |= child.continues();
            List<Condition> conditions = null;
            if (!blocked) {
                conditions = new ArrayList<>(parentReach);
                conditions.addAll(child.matchers().stream().map(m -> new Condition(List.of(m))).toList());
                conditions.addAll(earlier);
            }
            reach.put(child, conditions);
            if (!child.continues()) {
                Optional<Condition> notChild = notMatching(child);
                if (notChild.isEmpty()) {
                    blocked = true; // it takes every alert that gets this far
                } else {
                    earlier.add(notChild.get());
                }
            }
            visit(child);
        }
    }

    /** The route does not match: one of its matchers fails. Empty for a route without matchers. */
    private static Optional<Condition> notMatching(Route route) {
        return route.matchers().isEmpty() ? Optional.empty()
                : Optional.of(new Condition(route.matchers().stream().map(LabelMatcher::negated).toList()));
    }

    /**
     * Whether an alert can end at {@code route} after ending at another: only when the search went on past an
     * earlier route with {@code continue}, at its level or above.
     */
    boolean mayFollowAnother(Route route) {
        return afterAContinue.contains(route);
    }

    /** The conditions under which an alert ends at {@code route}, or empty when it never can. */
    Optional<List<Condition>> endsAt(Route route) {
        List<Condition> conditions = reach.get(route);
        if (conditions == null) {
            return Optional.empty();
        }
        List<Condition> ends = new ArrayList<>(conditions);
        for (Route child : route.routes()) {
            Optional<Condition> notChild = notMatching(child);
            if (notChild.isEmpty()) {
                return Optional.empty(); // a child takes every alert that reaches it
            }
            ends.add(notChild.get());
        }
        return Optional.of(ends);
    }
}
