package dev.pagerpolicy.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.observe.RecentDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds decisions among the recent ones of this instance: by decision id, by alert id, or by a label
 * ({@code name=value}). The decision log is the durable record; this is what a person paged a moment ago needs.
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
        return record.isEmpty() ? Optional.empty()
                : Optional.of(DecisionView.ofRecord(json.readTree(record.get()), json));
    }

    /** The newest decisions first. */
    public List<Match> newest(int limit) throws IOException {
        return matches("", limit);
    }

    /** Decisions whose alert id is {@code query}, or whose labels hold {@code name=value}; newest first. */
    public List<Match> find(String query) throws IOException {
        return matches(query.strip(), MAX_MATCHES);
    }

    private List<Match> matches(String query, int limit) throws IOException {
        JsonNode records = json.readTree(recent.newest(config.recentDecisions().capacity(),
                config.recentDecisions().maxResponseBytes().asLongValue()));
        int equals = query.indexOf('=');
        List<Match> found = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode alert = record.path("alert");
            boolean matches = query.isEmpty() || query.equals(alert.path("id").asText(null))
                    || equals > 0 && query.substring(equals + 1).equals(
                    alert.path("labels").path(query.substring(0, equals)).asText(null));
            if (matches) {
                found.add(match(record));
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    private Match match(JsonNode record) throws IOException {
        DecisionView view = DecisionView.ofRecord(record, json);
        return new Match(view.decisionId(), view.evaluatedAt(), view.alert(), view.how() + " " + view.who()
                + (view.fallback() ? " (fallback)" : ""));
    }
}
