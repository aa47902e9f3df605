package dev.pagerpolicy.evaluate;

import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.decision.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The reasons a decision begins with, wherever its alert came from (the API, Alertmanager, a scenario): how the alert
 * was read, each field an input mapping set, then each value the alert gave that could not be read, unless the
 * decision already says it (the fallback's reason does when no rule decided). A rule may decide without the alert's
 * severity; the decision must not hide that the severity it was sent was not used.
 */
public final class ReadingReasons {
    private ReadingReasons() {
    }

    public static List<Reason> of(InputReader.Read read, Decision decision) {
        List<Reason> reasons = new ArrayList<>(read.readAs().stream().map(Reason::ofInputMapping).toList());
        for (String value : read.notUnderstood()) {
            if (!saidIn(decision, value)) {
                reasons.add(Reason.ofInputMapping(value + ": the rules ran without it"));
            }
        }
        return reasons;
    }

    private static boolean saidIn(Decision decision, String text) {
        return decision.reasons().stream().anyMatch(r -> r.explanation() != null && r.explanation().contains(text));
    }
}
