package dev.pagerpolicy.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.catalog.LabelMatcher;
import dev.pagerpolicy.importer.Receivers.Receiver;
import dev.pagerpolicy.importer.RouteConditions.Condition;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule pack made from an Alertmanager routing tree and what its receivers mean ({@link Receivers}): for any
 * labels, the pack decides what Alertmanager routes them to — the first receiver as the target, each further one
 * (reached through {@code continue}) as a follow-up, in the tree's order. One rule per route an alert can end at,
 * ranked by the route's place in the tree; its scenarios are the labels that reach each route.
 */
public final class ImportedPack {
    public static final String RULE_FILE = "alertmanager-routes.drl";
    public static final String SCENARIO_FILE = "alertmanager-routes.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written: the rules, the scenarios, routes no alert can end at, and what stays in Alertmanager. */
    public record Summary(int rules, int scenarios, List<Route> unreachable, Set<String> staysInAlertmanager,
                          Set<String> teams) {
    }

    private final AlertmanagerConfig config;
    private final Receivers receivers;
    private final String fallbackTeam;
    private final Set<String> teams;

    private ImportedPack(AlertmanagerConfig config, Receivers receivers) throws InvalidSourceException {
        this.config = config;
        this.receivers = receivers;
        List<Problem> problems = new ArrayList<>();
        for (Route route : config.root().walk()) {
            if (receivers.find(route.receiver()).isEmpty()) {
                problems.add(new Problem(config.file(), route.line(), "receiver \"" + route.receiver() + "\" is not in "
                        + receivers.file() + ": say which team it reaches and how (team, action)"));
            }
        }
        teams = receivers.byName().values().stream().map(Receiver::team).filter(t -> t != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (teams.isEmpty()) {
            problems.add(Problem.inFile(receivers.file(), "names no team: at least one receiver must reach a team"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        // What no rule decides goes where Alertmanager's root route sends it, if that is a team.
        fallbackTeam = receivers.find(config.root().receiver()).map(Receiver::team)
                .orElse(teams.iterator().next());
    }

    /** Writes {@code rules/} (with {@code rules/tests/}) and {@code policies/} into {@code out}. */
    public static Summary write(AlertmanagerConfig config, Receivers receivers, Path out) throws InvalidSourceException {
        return new ImportedPack(config, receivers).writeTo(out);
    }

    private Summary writeTo(Path out) {
        RouteConditions conditions = new RouteConditions(config.root());
        StringBuilder drl = new StringBuilder(header());
        StringBuilder scenarios = new StringBuilder("# Labels that reach each route of " + config.file()
                + ", and what Alertmanager sends them to.\n");
        List<Route> unreachable = new ArrayList<>();
        int rules = 0;
        int scenarioCount = 0;
        int routes = config.root().walk().size();
        for (Route route : config.root().walk()) {
            Optional<List<Condition>> when = conditions.endsAt(route);
            if (when.isEmpty()) {
                unreachable.add(route);
                continue;
            }
            boolean mayFollow = conditions.mayFollowAnother(route);
            drl.append(rules(route, when.get(), routes - route.index(), mayFollow));
            rules += mayFollow ? 2 : 1;
            Optional<Map<String, String>> labels = ScenarioLabels.reaching(route, config.root());
            if (labels.isPresent()) {
                scenarios.append(scenario(route, labels.get()));
                scenarioCount++;
            }
        }
        try {
            Path rulesDir = Files.createDirectories(out.resolve("rules"));
            Files.writeString(rulesDir.resolve(RULE_FILE), drl);
            Files.writeString(Files.createDirectories(rulesDir.resolve("tests")).resolve(SCENARIO_FILE), scenarios);
            new ImportedPolicies(config, teams, fallbackTeam).write(Files.createDirectories(out.resolve("policies")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(rules, scenarioCount, unreachable, config.staysInAlertmanager(), teams);
    }

    private String header() {
        return """
                // The routing tree of %s, as rules: an alert gets the receivers Alertmanager routes it to, the
                // first as the target and each further one (after a route with continue) as a follow-up. What a
                // receiver means (team and action) is in the receivers file it was imported with. Grouping, timing,
                // inhibition, silences and time intervals stay in Alertmanager.
                package rules

                import dev.pagerpolicy.alert.Alert
                import dev.pagerpolicy.catalog.Catalog
                import dev.pagerpolicy.decision.Action
                import dev.pagerpolicy.decision.DecisionDraft
                """.formatted(config.file());
    }

    /**
     * The route's rules: one routes the alert when it is the first route the alert ends at, and, when an earlier
     * route can have taken it already (a {@code continue} before it), one adds a follow-up. Salience follows the
     * tree's order, so the first route to end wins and the follow-ups are added in Alertmanager's order.
     */
    private String rules(Route route, List<Condition> when, int salience, boolean mayFollow) {
        Receiver receiver = receivers.find(route.receiver()).orElseThrow();
        String team = receiver.team() == null ? fallbackTeam : receiver.team();
        String where = config.file() + ":" + route.line();
        String name = "route " + route.index() + " to " + receiver.name() + " (" + where + ")";
        String followUp = name + ", after an earlier route";
        String constraint = constraint(when);
        String because = "Alertmanager's route at " + where
                + (route.matchers().isEmpty() ? "" : " (" + route.matchers().stream().map(LabelMatcher::toString)
                .collect(Collectors.joining(", ")) + ")")
                + " sends it to " + receiver.name();
        String action = "Action." + receiver.action().name();
        String routing = """

                rule %s
                    salience %d
                when
                    Alert( %s )
                    $catalog : Catalog()
                    $draft : DecisionDraft( undecided )
                then
                    $draft.route($catalog.team(%s), %s, %s);
                end
                """.formatted(quote(name), salience, constraint, quote(team), action, quote(because));
        if (!mayFollow) {
            return routing;
        }
        return routing + """

                rule %s
                    salience %d
                when
                    Alert( %s )
                    $catalog : Catalog()
                    $draft : DecisionDraft( !undecided, !hasReasonFrom(%s), !hasReasonFrom(%s) )
                then
                    $draft.followUp($catalog.team(%s), %s, %s);
                end
                """.formatted(quote(followUp), salience, constraint, quote(name), quote(followUp), quote(team), action,
                quote(because + ", after an earlier route with continue"));
    }

    private static String constraint(List<Condition> when) {
        if (when.isEmpty()) {
            return "";
        }
        return when.stream().map(c -> c.single() ? drl(c.anyOf().get(0))
                : "(" + c.anyOf().stream().map(ImportedPack::drl).collect(Collectors.joining(" || ")) + ")")
                .collect(Collectors.joining(",\n           "));
    }

    /** One matcher as a DRL constraint: {@code labelValue} reads an absent label as "", as Alertmanager does. */
    private static String drl(LabelMatcher m) {
        String operator = switch (m.operator()) {
            case EQUAL -> "==";
            case NOT_EQUAL -> "!=";
            case MATCHES -> "matches";
            case NOT_MATCHES -> "not matches";
        };
        return "labelValue(" + quote(m.label()) + ") " + operator + " " + quote(m.value());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String scenario(Route route, Map<String, String> labels) {
        List<Route> ends = config.root().ends(labels);
        Receiver first = receivers.find(ends.get(0).receiver()).orElseThrow();
        List<String> followUps = ends.subList(1, ends.size()).stream()
                .map(r -> receivers.find(r.receiver()).orElseThrow())
                .map(r -> "{team: " + json(team(r)) + ", action: " + r.action().wireName() + "}").toList();
        return """

                - name: %s
                  at: 2026-11-25T03:00:00Z
                  alert:
                    labels: %s
                  expect: {target: {team: %s}, action: %s, fallback: false%s}
                """.formatted(json("labels that end at the route at " + config.file() + ":" + route.line()
                        + " reach " + ends.stream().map(Route::receiver).collect(Collectors.joining(", "))),
                json(labels), json(team(first)), first.action().wireName(),
                followUps.isEmpty() ? "" : ", followUps: [" + String.join(", ", followUps) + "]");
    }

    private String team(Receiver receiver) {
        return receiver.team() == null ? fallbackTeam : receiver.team();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
