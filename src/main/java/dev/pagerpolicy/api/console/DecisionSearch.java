package dev.pagerpolicy.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.observe.DecisionLogFiles;
import dev.pagerpolicy.app.observe.RecentDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds decisions by decision id, by alert id, or by a label ({@code name=value}): among the recent ones this instance
 * keeps in memory, then in the newest part of the decision log when it is written to a file (the durable record,
 * which survives a restart and holds what memory has forgotten).
 */
@ApplicationScoped
public class DecisionSearch {
    /** At most this many matches are listed: a label shared by a storm of alerts is a start, not a report. */
    static final int MAX_MATCHES = 50;

    @Inject
    RecentDecisions recent;
    @Inject
    PagerPolicyConfig config;
    @Inject
    ObjectMapper json;

    /** One decision as a line of a list. */
    public record Match(String decisionId, String evaluatedAt, String alert, String decided) {
    }

    public Optional<DecisionView> byId(String decisionId) throws IOException {
        Optional<byte[]> record = recent.find(decisionId);
        if (record.isPresent()) {
            return Optional.of(DecisionView.ofRecord(json.readTree(record.get()), json));
        }
        String field = "\"decisionId\":" + json.writeValueAsString(decisionId);
        for (String line : logFiles().map(log -> log.newestMatching(l -> l.contains(field), 1)).orElse(List.of())) {
            JsonNode node = json.readTree(line);
            if (decisionId.equals(node.path("decision").path("decisionId").asText(null))) {
                return Optional.of(DecisionView.ofRecord(node, json));
            }
        }
        return Optional.empty();
    }

    /** The newest decisions first. */
    public List<Match> newest(int limit) throws IOException {
        return matches("", limit);
    }

    /**
     * Decisions whose alert id is {@code query}, or whose labels hold {@code name=value}; newest first: those in
     * memory, then, when the decision log is a file, those of its newest lines.
     */
    public List<Match> find(String query) throws IOException {
        return matches(query.strip(), MAX_MATCHES);
    }

    private List<Match> matches(String query, int limit) throws IOException {
        JsonNode records = json.readTree(recent.newest(config.recentDecisions().capacity(),
                config.recentDecisions().maxResponseBytes().asLongValue()));
        List<Match> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode record : records) {
            if (found.size() >= limit) {
                return found;
            }
            if (query.isEmpty() || matches(record, query)) {
                found.add(match(record));
                seen.add(found.get(found.size() - 1).decisionId());
            }
        }
        if (query.isEmpty() || found.size() >= limit) {
            return found;
        }
        // A cheap test on the text first: only lines that hold the value searched for are read as JSON.
        String value = query.indexOf('=') > 0 ? query.substring(query.indexOf('=') + 1) : query;
        String quoted = json.writeValueAsString(value);
        for (String line : logFiles().map(log -> log.newestMatching(l -> l.contains(quoted), limit * 4))
                .orElse(List.of())) {
            JsonNode record = json.readTree(line);
            if (found.size() < limit && record.has("decision") && matches(record, query)) {
                Match match = match(record);
                if (seen.add(match.decisionId())) {
                    found.add(match);
                }
            }
        }
        return found;
    }

    private static boolean matches(JsonNode record, String query) {
        JsonNode alert = record.path("alert");
        int equals = query.indexOf('=');
        return query.equals(alert.path("id").asText(null)) || equals > 0 && query.substring(equals + 1).equals(
                alert.path("labels").path(query.substring(0, equals)).asText(null));
    }

    /** The decision log's files, when the decisions are written to a file. */
    private Optional<DecisionLogFiles> logFiles() {
        PagerPolicyConfig.DecisionLog log = config.decisionLog();
        if (!log.enabled() || !log.destination().equals("file") || log.file().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DecisionLogFiles(Path.of(log.file().get()), log.maxFiles(),
                log.consoleSearchBytes().asLongValue()));
    }

    private Match match(JsonNode record) throws IOException {
        DecisionView view = DecisionView.ofRecord(record, json);
        return new Match(view.decisionId(), view.evaluatedAt(), view.alert(), view.how() + " " + view.who()
                + (view.fallback() ? " (fallback)" : ""));
    }
}
