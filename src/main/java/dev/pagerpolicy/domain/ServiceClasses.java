package dev.pagerpolicy.domain;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.MaintenanceWindow;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Service;
import dev.pagerpolicy.ruleset.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services a rule set cannot tell apart: the same tier and the very same teams (on call, dev, data), no model, no
 * maintenance window of their own, no dependency either way, and names no literal of the rules can single out. Rules see a service only
 * through those (and its name, which they can only compare with what they spell), so every alert of one is
 * decided as the same alert of another: an exploration evaluates one of each class, its representative (the
 * first by name), and gives every member the representative's decisions.
 */
public final class ServiceClasses {
    private final Map<String, Service> representative = new HashMap<>();
    private final Map<Service, Integer> members = new HashMap<>();

    private ServiceClasses() {
    }

    public static ServiceClasses of(RuleSet ruleSet) {
        Catalog catalog = ruleSet.catalog();
        Set<String> own = new HashSet<>();
        catalog.models().values().stream().map(Model::service).map(Service::name).forEach(own::add);
        // An alert of a service with dependencies comes during their outages, which no other service shares.
        for (Service service : catalog.services().values()) {
            if (!service.dependsOn().isEmpty()) {
                own.add(service.name());
                own.addAll(service.dependsOn());
            }
        }
        for (MaintenanceWindow window : catalog.maintenance()) {
            if (window.service() != null) {
                own.add(window.service());
            }
        }
        ServiceClasses classes = new ServiceClasses();
        Map<List<Object>, Service> firstOfClass = new HashMap<>();
        List<Service> byName = new ArrayList<>(catalog.services().values());
        byName.sort(Comparator.comparing(Service::name));
        for (Service service : byName) {
            Service chosen = service;
            if (!own.contains(service.name()) && !ruleSet.literals().mayName(service.name())) {
                List<Object> looks = new ArrayList<>();
                looks.add(service.tier());
                looks.add(service.onCallTeam());
                looks.add(service.devTeam());
                looks.add(service.dataTeam() == null ? "" : service.dataTeam());
                chosen = firstOfClass.computeIfAbsent(looks, l -> service);
            }
            classes.representative.put(service.name(), chosen);
            classes.members.merge(chosen, 1, Integer::sum);
        }
        return classes;
    }

    /** The service whose decisions {@code service}'s are: itself, or the first of its class. */
    public Service representativeOf(Service service) {
        return representative.getOrDefault(service.name(), service);
    }

    /** How many services share the representative's decisions, itself included. */
    public int membersOf(Service representative) {
        return members.getOrDefault(representative, 1);
    }

    /** How many services are evaluated for all: one per class. */
    public int classes() {
        return members.size();
    }
}
