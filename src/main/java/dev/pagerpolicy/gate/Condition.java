package dev.pagerpolicy.gate;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Situation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One field of an invariant's {@code when}, {@code never} or {@code always}: holds when the field's value is
 * one of the values given. A value may name a team through the alert's service or model ({@code
 * $service.onCallTeam}), so that one invariant speaks of every service.
 */
record Condition(String field, List<String> values) {
    /** Fields of the alert, for {@code when}. */
    static final Set<String> ALERT_FIELDS = Set.of("service", "model", "kind", "severity", "tier", "production",
            "environment", "maintenance", "outage");
    /** {@code labels.NAME}: the value of a label, {@code ""} when the alert has none (as Alertmanager reads it). */
    static final String LABELS = "labels";
    static final String LABEL_PREFIX = LABELS + ".";
    /** Fields of the alert that depend on when it fired, so are known only for one time of the domain. */
    static final Set<String> TIMED_FIELDS = Set.of("maintenance");
    /**
     * Fields of the decision, for {@code never} and {@code always}: {@link DecisionField}s, in the words of scenarios,
     * diff and replay. {@code paged.team} and {@code paged.role} are everyone a page wakes, escalation steps included.
     */
    static final Set<String> DECISION_FIELDS = Set.of(DecisionField.ACTION.wireName(),
            DecisionField.TARGET_TEAM.wireName(), DecisionField.TARGET_ROLE.wireName(),
            DecisionField.NOT_BEFORE.wireName(), DecisionField.DEFERRED.wireName(), DecisionField.FALLBACK.wireName(),
            DecisionField.ACK_WITHIN.wireName(), DecisionField.ESCALATION.wireName(),
            DecisionField.PAGED_TEAM.wireName(), DecisionField.PAGED_ROLE.wireName(), Condition.AWAKE);
    /**
     * {@code awake: true}: the decision reaches someone awake, a page that goes out now, or a notify to a team paged
     * at once (and not held) for what is firing in the alert's environment: what a critical outage must never lack.
     */
    static final String AWAKE = "awake";
    /** Fields whose values are teams, which a reference through the alert ({@code $service.onCallTeam}) may name. */
    static final Set<String> TEAM_FIELDS = Set.of(DecisionField.TARGET_TEAM.wireName(),
            DecisionField.ESCALATION.wireName(), DecisionField.PAGED_TEAM.wireName());
    /** Teams a value can name through the alert, for every service at once. */
    static final Set<String> TEAM_REFERENCES = Set.of("$service.onCallTeam", "$service.devTeam",
            "$service.dataTeam", "$model.mlTeam", "$model.dataScienceTeam");

    Condition {
        values = List.copyOf(values);
    }

    /** One alert of the domain, when it fired, and (once decided) its decision. */
    record Subject(AlertShape shape, Severity severity, Instant at, Catalog catalog, Decision decision) {
    }

    boolean isTimed() {
        return TIMED_FIELDS.contains(field);
    }

    /** Whether one of the field's values (a list field may have several, or none) is one of those given. */
    boolean holds(Subject subject) {
        AlertShape shape = subject.shape();
        List<String> actual = valuesOf(subject);
        for (String expected : values) {
            String resolved = expected.startsWith("$") ? teamOf(shape, expected) : expected;
            if (resolved != null && actual.contains(resolved)) {
                return true;
            }
        }
        return false;
    }

    private List<String> valuesOf(Subject subject) {
        Optional<DecisionField> ofDecision = DecisionField.named(field);
        if (ofDecision.isPresent()) {
            return ofDecision.get().valuesOf(Outcome.of(subject.decision()));
        }
        if (field.equals(AWAKE)) {
            return List.of(String.valueOf(reachesSomeoneAwake(subject)));
        }
        return field.equals("outage") ? outagesOf(subject) : List.of(alertValueOf(subject));
    }

    private static boolean reachesSomeoneAwake(Subject subject) {
        Decision decision = subject.decision();
        if (decision.action() == Action.PAGE) {
            return decision.notBefore() == null || !decision.notBefore().isAfter(subject.at());
        }
        String environment = subject.shape().environment();
        return decision.action() == Action.NOTIFY && subject.shape().firingAt(subject.at()).stream()
                .anyMatch(firing -> firing.awakeAt(subject.at()) && firing.environment().equals(environment)
                        && firing.team().equals(decision.target().team()));
    }

    /**
     * What may be firing when the alert comes. A domain explores alerts during outages only for rules that read what
     * is firing; without such rules an alert is decided alike in every situation, so it stands for each of them.
     */
    private static List<String> outagesOf(Subject subject) {
        AlertShape shape = subject.shape();
        if (shape.situations() > 1) {
            return List.of(shape.outageFiring().wireName());
        }
        return Situation.OutageFiring.possible(!shape.service().dependsOn().isEmpty()).stream()
                .map(Situation.OutageFiring::wireName).toList();
    }

    private String alertValueOf(Subject subject) {
        AlertShape shape = subject.shape();
        return switch (field) {
            case "service" -> shape.service().name();
            case "model" -> shape.model() == null ? "null" : shape.model().name();
            case "kind" -> shape.kind().wireName();
            case "severity" -> subject.severity().wireName();
            case "maintenance" -> String.valueOf(subject.catalog().maintenanceAt(shape.service().name(),
                    shape.model() == null ? null : shape.model().name(), subject.at()).isPresent());
            case "tier" -> shape.service().tier().name();
            case "production" -> String.valueOf(shape.production());
            case "environment" -> shape.environment();
            default -> {
                if (!field.startsWith(LABEL_PREFIX)) {
                    throw new IllegalStateException("unchecked field " + field);
                }
                yield shape.labels().getOrDefault(field.substring(LABEL_PREFIX.length()), "");
            }
        };
    }

    /** The team a reference names for this alert; null when the alert has no model to name it through. */
    private static String teamOf(AlertShape shape, String reference) {
        Function<Team, String> name = team -> team == null ? null : team.name();
        return switch (reference) {
            case "$service.onCallTeam" -> name.apply(shape.service().onCallTeam());
            case "$service.devTeam" -> name.apply(shape.service().devTeam());
            case "$service.dataTeam" -> name.apply(shape.service().dataTeam());
            case "$model.mlTeam" -> shape.model() == null ? null : name.apply(shape.model().mlTeam());
            case "$model.dataScienceTeam" -> shape.model() == null ? null : name.apply(shape.model().dataScienceTeam());
            default -> throw new IllegalStateException("unchecked reference " + reference);
        };
    }
}
