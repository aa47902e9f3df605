package dev.pagerpolicy.analysis;

import dev.pagerpolicy.domain.AlertShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
     * alert. The order is that of each merged line's first appearance.
     */
    public static List<Finding> merge(List<Finding> findings) {
        List<Finding> merged = mergeBy(findings, Finding::situations, finding -> finding.withSituations(List.of()),
                (first, situations) -> first.withSituations(situations.size() >= first.explored ? List.of() : situations));
        return mergeBy(merged, Finding::kinds, finding -> finding.withKinds(List.of()), Finding::withKinds);
    }

    /**
     * Lines alike but for one list (what {@code without} clears), merged into one line holding every value of that
     * list, in the order of each line's first appearance; {@code with} makes the merged line from the group's first.
     */
    private static List<Finding> mergeBy(List<Finding> findings, Function<Finding, List<String>> list,
                                         UnaryOperator<Finding> without, BiFunction<Finding, List<String>, Finding> with) {
        Map<Finding, List<Finding>> alike = new LinkedHashMap<>();
        for (Finding finding : findings) {
            alike.computeIfAbsent(without.apply(finding).withInputClasses(0), key -> new ArrayList<>()).add(finding);
        }
        List<Finding> merged = new ArrayList<>();
        alike.values().forEach(group -> {
            List<String> values = new ArrayList<>();
            group.forEach(finding -> list.apply(finding).stream().filter(v -> !values.contains(v)).forEach(values::add));
            merged.add(with.apply(group.get(0), values)
                    .withInputClasses(group.stream().mapToLong(Finding::inputClasses).sum()));
        });
        return merged;
    }

    private Finding withSituations(List<String> other) {
        return new Finding(kinds, severities, subject, other, when, what, inputClasses, explored);
    }

    private Finding withKinds(List<String> other) {
        return new Finding(other, severities, subject, situations, when, what, inputClasses, explored);
    }

    private Finding withInputClasses(long other) {
        return new Finding(kinds, severities, subject, situations, when, what, other, explored);
    }
}
