package dev.pagerpolicy.app.observe;

import java.time.Instant;

/**
 * A decision-log line that says an alert stopped firing without being decided again (Alertmanager's
 * {@code resolved}): {@code replay} forgets it among the alerts still firing from then on.
 *
 * @param alertKey the key its decisions were logged with ({@link DecisionRecord#alertKey()})
 */
public record ResolutionRecord(String alertKey, Instant resolvedAt) {
}
