package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every alert a catalog allows, as classes of alerts the rules cannot tell apart: each service, without a model
 * and with each of its models, × every kind × every severity × production and one other environment × each
 * label and signal value of the {@link DomainSpec} (and without it) × each time of the reference {@link Week}; and,
 * for rules that read what is already firing, each of those while nothing is firing and in each {@link Situation}:
 * its own service down (paged at once, held for business hours, ticketed, paged in another environment) and each
 * service it depends on down (paged at once, held).
 */
public record Domain(List<AlertShape> shapes, List<Severity> severities, Week week) {
    /** The environment that stands for every non-production one, unless the organisation counts it as production. */
    static final String NON_PRODUCTION = "staging";

    public Domain {
        shapes = List.copyOf(shapes);
        severities = List.copyOf(severities);
    }

    public static Domain of(Catalog catalog, DomainSpec spec) {
        return of(catalog, spec, false);
    }

    /**
     * The domain of a rule set: with the alerts during outages when its rules read what is already firing, and with
     * the labels its rules compare ({@link dev.pagerpolicy.ruleset.RuleFileFacts#labellings()}).
     */
    public static Domain of(RuleSet ruleSet, DomainSpec spec) {
        return of(ruleSet.catalog(), spec, !ruleSet.rulesOnFiringAlerts().isEmpty(), ruleSet.files().labellings(),
                ruleSet.files().signallings());
    }

    public static Domain of(Catalog catalog, DomainSpec spec, boolean withOutages) {
        return of(catalog, spec, withOutages, List.of(), List.of());
    }

    /**
     * @param withOutages whether each alert comes also in each {@link Situation} of its service and of each service
     *                    upstream: what rules on firing alerts tell apart, and only they
     * @param ofRules     labellings the rules' own comparisons call for, each explored beside those of the spec (not
     *                    combined with them: a rule's labels together, as the rule compares them)
     * @param signalsOfRules the same for signals
     */
    public static Domain of(Catalog catalog, DomainSpec spec, boolean withOutages, List<Map<String, String>> ofRules,
                            List<Map<String, Double>> signalsOfRules) {
        String production = catalog.productionEnvironments().stream().sorted().findFirst().orElse("production");
        String other = catalog.productionEnvironments().contains(NON_PRODUCTION) ? "non-production" : NON_PRODUCTION;
        List<Map<String, String>> labelings = combinations(spec.labels());
        ofRules.stream().filter(labels -> !labelings.contains(labels)).forEach(labelings::add);
        List<Map<String, Double>> signalings = combinations(spec.signals());
        signalsOfRules.stream().filter(signals -> !signalings.contains(signals)).forEach(signalings::add);
        List<AlertShape> shapes = new ArrayList<>();
        List<Service> services = catalog.services().values().stream().sorted(Comparator.comparing(Service::name)).toList();
        for (Service service : services) {
            List<Model> models = new ArrayList<>();
            models.add(null);
            catalog.models().values().stream().filter(m -> m.service().name().equals(service.name()))
                    .sorted(Comparator.comparing(Model::name)).forEach(models::add);
            for (Model model : models) {
                for (AlertKind kind : AlertKind.NAMED) {
                    for (boolean isProduction : new boolean[] {true, false}) {
                        for (Map<String, String> labels : labelings) {
                            for (Map<String, Double> signals : signalings) {
                                AlertShape alone = new AlertShape(service, model, kind,
                                        isProduction ? production : other, isProduction, labels, signals);
                                List<Situation> firing = withOutages ? Situation.of(service, alone.environment(),
                                        isProduction ? other : production, upstreamOf(catalog, service)) : List.of();
                                shapes.add(alone.during(null, 1 + firing.size()));
                                firing.forEach(situation -> shapes.add(alone.during(situation, 1 + firing.size())));
                            }
                        }
                    }
                }
            }
        }
        return new Domain(shapes, List.of(Severity.values()), Week.of(spec.week(), catalog));
    }

    /** The services upstream of {@code service}, by name: those whose outage explains its alerts. */
    private static List<Service> upstreamOf(Catalog catalog, Service service) {
        return catalog.upstreamOf(service.name()).stream().sorted().map(catalog::service).toList();
    }

    /** Every choice of at most one value per name, the empty choice (nothing set) first. */
    private static <V> List<Map<String, V>> combinations(Map<String, List<V>> valuesByName) {
        List<Map<String, V>> result = new ArrayList<>();
        result.add(Map.of());
        valuesByName.keySet().stream().sorted().forEach(name -> {
            List<Map<String, V>> extended = new ArrayList<>(result);
            for (Map<String, V> partial : result) {
                for (V value : valuesByName.get(name)) {
                    Map<String, V> next = new HashMap<>(partial);
                    next.put(name, value);
                    extended.add(next);
                }
            }
            result.clear();
            result.addAll(extended);
        });
        return result;
    }

    /** How many classes of alerts it holds: each is evaluated once. */
    public long size() {
        return (long) shapes.size() * severities.size() * week.slots();
    }
}
