package dev.pagerpolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * What replaying a decision log against a rule set found.
 *
 * @param lines          decisions read (lines of a log, or entries of a {@code GET /v1/decisions} answer)
 * @param replayed       decisions decided again and compared
 * @param changed        of those, decided differently now
 * @param masked         decisions whose alert had masked labels: not replayed, since the rules might read them
 * @param notAlerts      decisions for inputs that could not be read as alerts: nothing to replay
 * @param outsideWindow  decisions of alerts fired before {@code --since} or from {@code --until} on
 * @param unreadable     lines that are not decisions
 * @param problems       the first of those, as "FILE:LINE: message"
 * @param changesByAspect how many changed decisions changed target, action, deferral, ...
 * @param examples       the first changed decisions, each with what changed
 * @param withFiring     replayed decisions that saw alerts still firing, rebuilt from the log in its order
 * @param resolutions    lines that said an alert was resolved: forgotten among those firing from then on
 */
public record ReplayReport(String policyVersion, long lines, long replayed, long changed, long masked,
                           long notAlerts, long outsideWindow, long unreadable, List<String> problems,
                           Map<String, Long> changesByAspect, List<String> examples, long withFiring,
                           long resolutions, long tookMillis) {
}
