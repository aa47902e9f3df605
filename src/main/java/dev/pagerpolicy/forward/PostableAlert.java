package dev.pagerpolicy.forward;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as Alertmanager's API v2 takes it ({@code POST /api/v2/alerts}, its {@code postableAlert}): what Prometheus
 * and {@code amtool alert add} send, and what pager-policy forwards. An alert whose {@code endsAt} has passed is
 * resolved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                            Instant endsAt, String generatorURL) {

    public PostableAlert {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
    }

    /** Whether it had stopped firing at {@code now}: its end has come. */
    public boolean isResolvedAt(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /** The same alert ending at {@code end}: resolved, when the end is now. */
    public PostableAlert endingAt(Instant end) {
        return new PostableAlert(labels, annotations, startsAt, end, generatorURL);
    }
}
