package dev.pagerpolicy.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a report: alerts of some kinds and severities of one subject, at some times of the week, and what
 * happens to them.
 *
 * @param subject      the service, with its model, environment, labels and signals: "checkout-api (staging)"
 * @param when         "Sat 00:00 – Mon 09:00 Europe/Madrid", "outside business hours (...)", or "all week"
 * @param what         what happens to them, or what changed
 * @param inputClasses how many classes of the domain the line stands for
 */
public record Finding(List<String> kinds, List<String> severities, String subject, String when, String what,
                      long inputClasses) {
    public Finding {
        kinds = List.copyOf(kinds);
        severities = List.copyOf(severities);
    }

    /** "outage, latency/critical, high of checkout-api (staging)". */
    public String alerts() {
        return String.join(", ", kinds) + "/" + String.join(", ", severities) + " of " + subject;
    }

    public String text() {
        return alerts() + ", " + when + ": " + what;
    }

    /**
     * Lines that differ only in the kind of alert, merged into one: "outage, error_rate/high of checkout-api".
     * The order is that of each merged line's first appearance.
     */
    public static List<Finding> mergeKinds(List<Finding> findings) {
        record Rest(List<String> severities, String subject, String when, String what) {
        }
        Map<Rest, List<Finding>> byRest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byRest.computeIfAbsent(new Rest(finding.severities, finding.subject, finding.when, finding.what),
                    rest -> new ArrayList<>()).add(finding);
        }
        List<Finding> merged = new ArrayList<>();
        byRest.forEach((rest, group) -> {
            List<String> kinds = new ArrayList<>();
            group.forEach(finding -> finding.kinds.stream().filter(k -> !kinds.contains(k)).forEach(kinds::add));
            merged.add(new Finding(kinds, rest.severities(), rest.subject(), rest.when(), rest.what(),
                    group.stream().mapToLong(Finding::inputClasses).sum()));
        });
        return merged;
    }
}
