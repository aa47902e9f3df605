package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The organisation, as loaded from {@code policies/}: immutable, every reference resolved, indexed by name so
 * that a decision looks up only what concerns its alert.
 *
 * @param fallbackTeam           handles what no rule decides: paged with {@code fallbackAckWithin}, or a ticket
 * @param fallbackPagesFor       severities of production alerts for which the fallback pages; others are tickets
 * @param productionEnvironments the environments whose alerts count as production
 */
public record Catalog(Map<String, Team> teams, Map<String, SlaTier> tiers, Map<String, Service> services,
                      Map<String, Model> models, Team fallbackTeam, Duration fallbackAckWithin,
                      Set<Severity> fallbackPagesFor, Set<String> productionEnvironments) {

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
    }

    /** Whether the fallback pages for {@code alert}, or opens a ticket: a typo in staging wakes nobody. */
    public boolean fallbackPages(Alert alert) {
        return alert.isProduction() && fallbackPagesFor.contains(alert.severity());
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(name == null ? null : services.get(name));
    }

    public Optional<Model> model(String name) {
        return Optional.ofNullable(name == null ? null : models.get(name));
    }
}
