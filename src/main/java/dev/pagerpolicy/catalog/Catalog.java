package dev.pagerpolicy.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation, as loaded from {@code policies/}: immutable, every reference resolved, indexed by name so
 * that a decision looks up only what concerns its alert.
 *
 * @param fallbackTeam      pages when no rule decides, with {@code fallbackAckWithin}
 */
public record Catalog(Map<String, Team> teams, Map<String, SlaTier> tiers, Map<String, Service> services,
                      Map<String, Model> models, Team fallbackTeam, Duration fallbackAckWithin) {

    public Catalog {
        teams = Map.copyOf(teams);
        tiers = Map.copyOf(tiers);
        services = Map.copyOf(services);
        models = Map.copyOf(models);
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(name == null ? null : services.get(name));
    }

    public Optional<Model> model(String name) {
        return Optional.ofNullable(name == null ? null : models.get(name));
    }
}
