package dev.pagerpolicy.api.alertmanager;

import dev.pagerpolicy.forward.PostableAlert;
import java.util.Map;

/**
 * An alert as posted to {@code POST /api/v2/alerts}, its times as sent: read alert by alert, so that an unreadable
 * one gets its own alert the fallback. What goes on to Alertmanager is {@link #postable()}: a time that could not be
 * read is left out, and Alertmanager takes its own (now, for a start).
 */
public record PostedAlert(Map<String, String> labels, Map<String, String> annotations, String startsAt, String endsAt,
                          String generatorURL) {

    public PostableAlert postable() {
        return new PostableAlert(labels, annotations, SentTime.parse(startsAt), SentTime.parse(endsAt), generatorURL);
    }
}
