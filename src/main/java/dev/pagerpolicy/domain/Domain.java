package dev.pagerpolicy.domain;

import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every alert a catalog allows, as classes of alerts the rules cannot tell apart: each service, without a model
 * and with each of its models, × every kind × every severity × production and one other environment × each
 * label and signal value of the {@link DomainSpec} (and without it) × each time of the reference {@link Week}.
 */
public record Domain(List<AlertShape> shapes, List<Severity> severities, Week week) {
    /** The environment that stands for every non-production one, unless the organisation counts it as production. */
    static final String NON_PRODUCTION = "staging";

    public Domain {
        shapes = List.copyOf(shapes);
        severities = List.copyOf(severities);
    }

    public static Domain of(Catalog catalog, DomainSpec spec) {
        String production = catalog.productionEnvironments().stream().sorted().findFirst().orElse("production");
        String other = catalog.productionEnvironments().contains(NON_PRODUCTION) ? "non-production" : NON_PRODUCTION;
        List<Map<String, String>> labelings = combinations(spec.labels());
        List<Map<String, Double>> signalings = combinations(spec.signals());
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
                                shapes.add(new AlertShape(service, model, kind, isProduction ? production : other,
                                        isProduction, labels, signals));
                            }
                        }
                    }
                }
            }
        }
        return new Domain(shapes, List.of(Severity.values()), Week.of(spec.week(), catalog));
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
