package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation, as loaded from {@code policies/}: immutable, every reference resolved, indexed by name so
 * that a decision looks up only what concerns its alert.
 *
 * @param fallbackTeam           handles what no rule decides: paged with {@code fallbackAckWithin}, or a ticket
 * @param fallbackPagesFor       severities of production alerts for which the fallback pages; others are tickets
 * @param productionEnvironments the environments whose alerts count as production
 * @param maintenance            the planned maintenance windows of services and models
 * @param inputs                 how raw alerts' labels are read as alert fields ({@code inputs.yaml})
 * @param incidentScope          the labels an alert still firing keeps, so that rules can tell one incident from
 *                               another ({@code cluster}, {@code region}): {@code FiringAlert( label("cluster") == ... )}
 */
public record Catalog(Map<String, Team> teams, Map<String, SlaTier> tiers, Map<String, Service> services,
                      Map<String, Model> models, Team fallbackTeam, Duration fallbackAckWithin,
                      Set<Severity> fallbackPagesFor, Set<String> productionEnvironments,
                      List<MaintenanceWindow> maintenance, InputMapping inputs, List<String> incidentScope) {

    /** When the organisation says nothing: a fallback that pages for what would wake someone anyway. */
    public static final Set<Severity> DEFAULT_FALLBACK_PAGES_FOR = Set.of(Severity.CRITICAL, Severity.HIGH);
    /** {@code env=prod} is as common a label as {@code production}. */
    public static final Set<String> DEFAULT_PRODUCTION_ENVIRONMENTS = Set.of(Alert.PRODUCTION, "prod");

    public Catalog {
        teams = Map.copyOf(teams);
        tiers = Map.copyOf(tiers);
        services = Map.copyOf(services);
        models = Map.copyOf(models);
        fallbackPagesFor = Set.copyOf(fallbackPagesFor);
        productionEnvironments = Set.copyOf(productionEnvironments);
        maintenance = List.copyOf(maintenance);
        inputs = inputs == null ? InputMapping.NONE : inputs;
        incidentScope = incidentScope == null ? List.of() : List.copyOf(incidentScope);
    }

    /** The maintenance window of the service, or of the model, that is open at {@code instant}, if one is. */
    public Optional<Maintenance> maintenanceAt(String service, String model, Instant instant) {
        for (MaintenanceWindow window : maintenance) {
            boolean concerns = window.model() == null ? window.service().equals(service) : window.model().equals(model);
            if (concerns) {
                Optional<Maintenance> open = window.activeAt(instant);
                if (open.isPresent()) {
                    return open;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The service and every service it depends on, directly or through others: whose alerts still firing concern an
     * alert of {@code service}. Empty for none.
     */
    public Set<String> withUpstream(String service) {
        Set<String> services = new java.util.LinkedHashSet<>();
        if (service != null) {
            services.add(service);
            services.addAll(upstreamOf(service));
        }
        return services;
    }

    /**
     * Every service {@code service} depends on, directly or through others: the services whose outage explains its
     * alerts. Empty for a service the catalog lacks, and for none.
     */
    public Set<String> upstreamOf(String service) {
        Set<String> upstream = new java.util.LinkedHashSet<>();
        if (service == null) {
            return upstream; // an alert of labels alone may name no service
        }
        java.util.Deque<String> next = new java.util.ArrayDeque<>();
        next.add(service);
        while (!next.isEmpty()) {
            Service current = services.get(next.poll());
            for (String dependency : current == null ? List.<String>of() : current.dependsOn()) {
                if (!dependency.equals(service) && upstream.add(dependency)) {
                    next.add(dependency);
                }
            }
        }
        return upstream;
    }

    /** Whether the fallback pages for {@code alert}, or opens a ticket: a typo in staging wakes nobody. */
    public boolean fallbackPages(Alert alert) {
        return alert.isProduction() && (alert.severity() == null || fallbackPagesFor.contains(alert.severity()));
    }

    public Optional<Service> findService(String name) {
        return Optional.ofNullable(name == null ? null : services.get(name));
    }

    public Optional<Model> findModel(String name) {
        return Optional.ofNullable(name == null ? null : models.get(name));
    }

    // ---- look-ups for rules: {@code $catalog : Catalog()}, then {@code $catalog.team("rides-sre")} --------------
    // A name the policies do not define is a check error (CatalogNames) before it could be an error here.

    public Team team(String name) {
        return named(teams, name, "team");
    }

    public Service service(String name) {
        return named(services, name, "service");
    }

    public SlaTier tier(String name) {
        return named(tiers, name, "SLA tier");
    }

    public Model model(String name) {
        return named(models, name, "model");
    }

    private static <T> T named(Map<String, T> entries, String name, String kind) {
        T entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(kind + " \"" + name + "\" is not defined in the policies");
        }
        return entry;
    }
}
