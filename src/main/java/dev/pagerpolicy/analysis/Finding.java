package dev.pagerpolicy.analysis;

import dev.pagerpolicy.domain.AlertShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a report: alerts of some kinds and severities of one subject, at some times of the week, and what
 * happens to them.
 *
 * @param subject      the service, with its model, environment, labels and signals: "checkout-api (staging)"
 * @param situations   what is firing when the alerts come, when the line is not true whatever is firing: "nothing is
 *                     firing", "feature-store is down"; empty when it is (or nothing else was explored)
 * @param when         "Sat 00:00 – Mon 09:00 Europe/Madrid", "outside business hours (...)", or "all week"
 * @param what         what happens to them, or what changed
 * @param inputClasses how many classes of the domain the line stands for
 * @param explored     in how many situations the line's alerts were explored: the situations of a line true in all
 *                     of them need not be named
 */
public record Finding(List<String> kinds, List<String> severities, String subject, List<String> situations,
                      String when, String what, long inputClasses,
                      @com.fasterxml.jackson.annotation.JsonIgnore int explored) {
    public Finding {
        kinds = List.copyOf(kinds);
        severities = List.copyOf(severities);
        situations = List.copyOf(situations);
    }

    /** The line of one alert shape: it names the shape's situation unless the domain has the alert in no other. */
    static Finding of(AlertShape shape, List<String> severities, String when, String what, long inputClasses) {
        return new Finding(List.of(shape.kind().wireName()), severities, shape.plainSubject(),
                shape.situations() == 1 ? List.of() : List.of(shape.situation()), when, what, inputClasses,
                shape.situations());
    }

    /** "outage, latency/critical, high of checkout-api (staging), while feature-store is down". */
    public String alerts() {
        return String.join(", ", kinds) + "/" + String.join(", ", severities) + " of " + subject
                + (situations.isEmpty() ? "" : ", while " + String.join(" or ", situations));
    }

    public String text() {
        return alerts() + ", " + when + ": " + what;
    }

    /**
     * Lines of one alert in each situation it was explored in (nothing firing, each outage) merged into one line
     * that names the situations, none when it is true in all of them; then lines that differ only in the kind of
     * alert, merged as {@link #mergeKinds} does.
     */
    public static List<Finding> merge(List<Finding> findings) {
        record Alike(List<String> kinds, List<String> severities, String subject, String when, String what) {
        }
        Map<Alike, List<Finding>> byAlike = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byAlike.computeIfAbsent(new Alike(finding.kinds, finding.severities, finding.subject, finding.when,
                    finding.what), alike -> new ArrayList<>()).add(finding);
        }
        List<Finding> merged = new ArrayList<>();
        byAlike.forEach((alike, group) -> {
            List<String> situations = new ArrayList<>();
            group.forEach(finding -> finding.situations.stream().filter(s -> !situations.contains(s))
                    .forEach(situations::add));
            boolean everywhere = situations.size() >= group.get(0).explored;
            merged.add(new Finding(alike.kinds(), alike.severities(), alike.subject(),
                    everywhere ? List.of() : situations, alike.when(), alike.what(),
                    group.stream().mapToLong(Finding::inputClasses).sum(), group.get(0).explored));
        });
        return mergeKinds(merged);
    }

    /**
     * Lines that differ only in the kind of alert, merged into one: "outage, error_rate/high of checkout-api".
     * The order is that of each merged line's first appearance.
     */
    private static List<Finding> mergeKinds(List<Finding> findings) {
        record Rest(List<String> severities, String subject, List<String> situations, String when, String what) {
        }
        Map<Rest, List<Finding>> byRest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            byRest.computeIfAbsent(new Rest(finding.severities, finding.subject, finding.situations, finding.when,
                            finding.what), rest -> new ArrayList<>()).add(finding);
        }
        List<Finding> merged = new ArrayList<>();
        byRest.forEach((rest, group) -> {
            List<String> kinds = new ArrayList<>();
            group.forEach(finding -> finding.kinds.stream().filter(k -> !kinds.contains(k)).forEach(kinds::add));
            merged.add(new Finding(kinds, rest.severities(), rest.subject(), rest.situations(), rest.when(), rest.what(),
                    group.stream().mapToLong(Finding::inputClasses).sum(), group.get(0).explored));
        });
        return merged;
    }
}
