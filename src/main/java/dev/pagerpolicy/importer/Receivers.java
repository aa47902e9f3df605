package dev.pagerpolicy.importer;

import dev.pagerpolicy.alert.WireNamed;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * What each Alertmanager receiver means here: the team it reaches and how ({@code receivers.yaml}).
 * <pre>
 * receivers:
 *   team-X-pager: {team: team-x, action: page}
 *   team-X-mails: {team: team-x, action: ticket}
 *   "null": {action: ignore}
 * </pre>
 * A receiver that reaches nobody ({@code action: ignore}) needs no team: the decision names the fallback team.
 */
public record Receivers(String file, Map<String, Receiver> byName) {

    /** @param team null only for {@code ignore} */
    public record Receiver(String name, String team, Action action, int line) {
    }

    public Optional<Receiver> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public static Receivers read(Path path) throws InvalidSourceException {
        String file = path.getFileName().toString();
        Node document = YamlNodes.compose(path);
        MappingNode receivers = document instanceof MappingNode top ? top.getValue().stream()
                .filter(t -> "receivers".equals(text(t.getKeyNode())))
                .map(NodeTuple::getValueNode).filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .findFirst().orElse(null) : null;
        if (receivers == null) {
            throw new InvalidSourceException(List.of(Problem.inFile(file, "has no receivers: a mapping of each"
                    + " Alertmanager receiver to its team and action, e.g. receivers: {team-x-pager: {team: team-x,"
                    + " action: page}}")));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Receiver> byName = new LinkedHashMap<>();
        for (NodeTuple entry : receivers.getValue()) {
            String name = text(entry.getKeyNode());
            int line = YamlNodes.line(entry.getKeyNode());
            Map<String, String> fields = new LinkedHashMap<>();
            if (entry.getValueNode() instanceof MappingNode mapping) {
                mapping.getValue().forEach(t -> fields.put(text(t.getKeyNode()), text(t.getValueNode())));
            }
            List<String> unknown = fields.keySet().stream().filter(k -> !k.equals("team") && !k.equals("action"))
                    .toList();
            if (!unknown.isEmpty()) {
                problems.add(new Problem(file, line, "receiver \"" + name + "\": unknown key \"" + unknown.get(0)
                        + "\" (a receiver has team and action)"));
                continue;
            }
            Action action;
            try {
                action = Action.fromWireName(fields.get("action"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, line, "receiver \"" + name + "\": action must be one of "
                        + WireNamed.allowed(Action.class)));
                continue;
            }
            String team = fields.get("team");
            if ((team == null || team.isBlank()) && action != Action.IGNORE) {
                problems.add(new Problem(file, line, "receiver \"" + name + "\": which team does it "
                        + action.wireName() + "? (team is needed unless the action is ignore)"));
                continue;
            }
            byName.put(name, new Receiver(name, team == null || team.isBlank() ? null : team, action, line));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return new Receivers(file, byName);
    }

    private static String text(Node node) {
        return YamlNodes.text(node);
    }
}
