package dev.pagerpolicy.catalog;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.source.CalendarEntry;
import dev.pagerpolicy.catalog.source.MaintenanceEntry;
import dev.pagerpolicy.catalog.source.ModelEntry;
import dev.pagerpolicy.catalog.source.NamedEntry;
import dev.pagerpolicy.catalog.source.OrganisationEntry;
import dev.pagerpolicy.catalog.source.ServiceEntry;
import dev.pagerpolicy.catalog.source.TeamEntry;
import dev.pagerpolicy.catalog.source.TierEntry;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.YamlFile;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads {@code policies/} into a {@link Catalog}: reads each file, checks each entry with Bean Validation, then
 * resolves every name a file uses to the entry it names. Every problem is collected, so an author sees all of
 * them at once, each as {@code FILE:LINE: message}.
 */
public final class CatalogLoader {
    public static final String ORGANISATION = "organisation.yaml";
    public static final String TEAMS = "teams.yaml";
    public static final String TIERS = "sla-tiers.yaml";
    public static final String SERVICES = "services.yaml";
    public static final String MODELS = "models.yaml";
    public static final String CALENDARS = "calendars.yaml";
    public static final String MAINTENANCE = "maintenance.yaml";
    public static final String INPUTS = InputMapping.FILE;
    /** The files read, in this order; models, calendars, maintenance windows and input mappings are optional. */
    public static final List<String> FILES = List.of(ORGANISATION, CALENDARS, TEAMS, TIERS, SERVICES, MODELS,
            MAINTENANCE, INPUTS);

    private final Validator validator;
    private final Map<String, byte[]> filesRead;
    private final List<Problem> problems = new ArrayList<>();
    /** "kind name" of entries that exist but are invalid: already reported, so references to them are not. */
    private final Set<String> invalidEntries = new HashSet<>();
    /** Kinds whose file could not be parsed: nothing is known of them, so references to them are not checked. */
    private final Set<String> unreadableKinds = new HashSet<>();

    private CatalogLoader(Validator validator, Map<String, byte[]> filesRead) {
        this.validator = validator;
        this.filesRead = filesRead;
    }

    public static Catalog load(Path dir, Validator validator) throws InvalidSourceException {
        return load(dir, validator, new HashMap<>());
    }

    /**
     * @param filesRead receives each policy file's bytes as {@code policies/NAME}: exactly what was parsed, so
     *                  that a content hash of them names this catalog even if a file changes meanwhile
     */
    public static Catalog load(Path dir, Validator validator, Map<String, byte[]> filesRead)
            throws InvalidSourceException {
        return new CatalogLoader(validator, filesRead).loadFrom(dir);
    }

    private Catalog loadFrom(Path dir) throws InvalidSourceException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidSourceException(List.of(Problem.inFile(dir.toString(), "policies directory not found")));
        }
        Optional<Located<OrganisationEntry>> organisation = file(dir, ORGANISATION, true)
                .flatMap(f -> f.readObject(OrganisationEntry.class)).filter(this::valid);
        List<Located<CalendarEntry>> calendarEntries = list(dir, CALENDARS, "calendars", CalendarEntry.class,
                "calendar", false);
        List<Located<TeamEntry>> teamEntries = list(dir, TEAMS, "teams", TeamEntry.class, "team", true);
        List<Located<TierEntry>> tierEntries = list(dir, TIERS, "tiers", TierEntry.class, "SLA tier", true);
        List<Located<ServiceEntry>> serviceEntries = list(dir, SERVICES, "services", ServiceEntry.class, "service", true);
        List<Located<ModelEntry>> modelEntries = list(dir, MODELS, "models", ModelEntry.class, "model", false);
        List<Located<MaintenanceEntry>> maintenanceEntries = list(dir, MAINTENANCE, "windows", MaintenanceEntry.class,
                "maintenance window", false);

        Map<String, List<Holiday>> calendars = index(calendarEntries, "calendar", CalendarEntry::name,
                c -> Holidays.read(c.value().holidays(), "calendar \"" + c.value().name() + "\"", c, problems));
        Map<String, Team> teams = index(teamEntries, "team", TeamEntry::name, t -> team(t, calendars));
        teamEntries.forEach(t -> checkPartner(t, teams));
        Map<String, SlaTier> tiers = index(tierEntries, "SLA tier", TierEntry::name, this::tier);
        Team dataEngineering = organisation.map(o -> reference(teams, "team", o.value().dataEngineeringTeam(),
                "organisation setting \"dataEngineeringTeam\"", o)).orElse(null);
        Map<String, Service> services = index(serviceEntries, "service", ServiceEntry::name,
                s -> service(s, teams, tiers, dataEngineering));
        checkDependencies(serviceEntries, services);
        Map<String, Model> models = index(modelEntries, "model", ModelEntry::name, m -> model(m, teams, services));
        List<MaintenanceWindow> maintenance = MaintenanceWindows.read(maintenanceEntries,
                (name, referrer, at) -> reference(services, "service", name, referrer, at),
                (name, referrer, at) -> reference(models, "model", name, referrer, at), problems);
        Team fallbackTeam = organisation.map(o -> reference(teams, "team", o.value().fallback().team(),
                "the fallback", o)).orElse(null);
        Duration fallbackAck = organisation.map(o -> duration(o.value().fallback().ackWithin(), "fallback.ackWithin", o))
                .orElse(null);
        Set<Severity> fallbackPagesFor = organisation.map(o -> o.value().fallback().pagesFor() == null
                ? Catalog.DEFAULT_FALLBACK_PAGES_FOR
                : severities(o.value().fallback().pagesFor(), "fallback.pagesFor ", o)).orElse(Set.of());
        Set<String> production = organisation.map(o -> o.value().productionEnvironments())
                .<Set<String>>map(Set::copyOf).orElse(Catalog.DEFAULT_PRODUCTION_ENVIRONMENTS);
        InputMapping inputs = file(dir, INPUTS, false).map(f -> new InputMappingReader(f,
                named("service", services, serviceEntries), named("model", models, modelEntries), problems).read())
                .orElse(InputMapping.NONE);

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
            throw new InvalidSourceException(problems);
        }
        List<String> incidentScope = organisation.map(o -> o.value().incidentScope()).orElse(null);
        return new Catalog(teams, tiers, services, models, fallbackTeam, fallbackAck, fallbackPagesFor, production,
                maintenance, inputs, incidentScope);
    }

    private Optional<YamlFile> file(Path dir, String name, boolean required) {
        Path path = dir.resolve(name);
        if (!Files.isRegularFile(path)) {
            if (required) {
                problems.add(Problem.inFile(path.toString(), "required policy file not found"));
            }
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(path);
            filesRead.put("policies/" + name, content);
            return Optional.of(new YamlFile(path, content, problems));
        } catch (IOException e) {
            problems.add(Problem.inFile(path.toString(), "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private <T extends NamedEntry> List<Located<T>> list(Path dir, String name, String key, Class<T> type, String kind,
                                                         boolean required) {
        Optional<YamlFile> file = file(dir, name, required);
        if (file.isEmpty()) {
            // An optional file that is not there defines nothing, so a reference to it is a mistake to report.
            if (required || Files.exists(dir.resolve(name))) {
                unreadableKinds.add(kind);
            }
            return List.of();
        }
        List<Located<T>> entries = file.get().readList(key, type, kind);
        if (file.get().unreadable()) {
            unreadableKinds.add(kind);
        }
        file.get().unreadableEntryNames().forEach(n -> invalidEntries.add(kind + " " + n));
        return entries.stream().filter(e -> validEntry(e, kind)).toList();
    }

    private <T extends NamedEntry> boolean validEntry(Located<T> entry, String kind) {
        if (valid(entry)) {
            return true;
        }
        invalidEntries.add(kind + " " + entry.value().name());
        return false;
    }

    /** Bean Validation of one entry; each violation names the entry and the field. */
    private boolean valid(Located<?> entry) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(entry.value());
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(entry.at(v.getPropertyPath().iterator().next().getName())
                        .problem(entryName(entry.value()) + ": field \""
                        + v.getPropertyPath() + "\" " + v.getMessage())));
        return violations.isEmpty();
    }

    private static String entryName(Object entry) {
        if (entry instanceof TeamEntry t) {
            return "team " + quotedOrUnnamed(t.name());
        } else if (entry instanceof TierEntry t) {
            return "SLA tier " + quotedOrUnnamed(t.name());
        } else if (entry instanceof ServiceEntry s) {
            return "service " + quotedOrUnnamed(s.name());
        } else if (entry instanceof ModelEntry m) {
            return "model " + quotedOrUnnamed(m.name());
        } else if (entry instanceof CalendarEntry c) {
            return "calendar " + quotedOrUnnamed(c.name());
        } else if (entry instanceof MaintenanceEntry m) {
            return "maintenance window " + quotedOrUnnamed(m.name());
        }
        return "organisation";
    }

    private static String quotedOrUnnamed(String name) {
        return name == null || name.isBlank() ? "(unnamed)" : "\"" + name + "\"";
    }

    /** Builds each entry and indexes it by name; a name defined twice is a problem, not a silent override. */
    private <E, V> Map<String, V> index(List<Located<E>> entries, String kind, Function<E, String> name,
                                        Function<Located<E>, V> build) {
        Map<String, V> byName = new HashMap<>();
        Map<String, Located<E>> firstDefinition = new HashMap<>();
        for (Located<E> entry : entries) {
            String key = name.apply(entry.value());
            Located<E> first = firstDefinition.putIfAbsent(key, entry);
            if (first != null) {
                problems.add(entry.problem("duplicate " + kind + " \"" + key + "\" (first defined at line "
                        + first.line() + ")"));
                continue;
            }
            V built = build.apply(entry);
            if (built != null) {
                byName.put(key, built);
            } else {
                invalidEntries.add(kind + " " + key);
            }
        }
        return byName;
    }

    private Team team(Located<TeamEntry> located, Map<String, List<Holiday>> calendars) {
        TeamEntry t = located.value();
        String owner = "team \"" + t.name() + "\"";
        List<Holiday> holidays = new ArrayList<>(Holidays.read(t.holidays() == null ? List.of() : t.holidays(), owner,
                located, problems));
        for (String calendar : t.calendars() == null ? List.<String>of() : t.calendars()) {
            List<Holiday> kept = reference(calendars, "calendar", calendar, owner, located.at("calendars"));
            if (kept != null) {
                holidays.addAll(kept);
            }
        }
        int problemsBefore = problems.size();
        Role role = parse(() -> Role.fromWireName(t.role()), "team \"" + t.name() + "\": role ", located.at("role"));
        ZoneId zone = zone(t, located.at("timeZone"));
        BusinessHours hours = parse(() -> BusinessHours.parse(t.businessHours()), "team \"" + t.name() + "\": ",
                located.at("businessHours"));
        if (role == Role.ML_ENGINEER && t.mlopsMaturity() == null) {
            problems.add(located.problem("team \"" + t.name()
                    + "\": ML engineering teams need \"mlopsMaturity\" (0, 1 or 2)"));
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new Team(t.name(), role, t.onCallRotation(), zone, hours,
                t.mlopsMaturity() == null ? 0 : t.mlopsMaturity(), holidays, t.partner());
    }

    /**
     * Each service a service depends on must be one of the policies, and no service may depend on itself, however
     * far round: a cycle is reported once, at the first of its services in the file.
     */
    private void checkDependencies(List<Located<ServiceEntry>> entries, Map<String, Service> services) {
        Set<String> inACycleReported = new HashSet<>();
        for (Located<ServiceEntry> entry : entries) {
            ServiceEntry s = entry.value();
            if (s.dependsOn() == null || !services.containsKey(s.name())) {
                continue;
            }
            for (String upstream : s.dependsOn()) {
                reference(services, "service", upstream, "service \"" + s.name() + "\" as a dependency",
                        entry.at("dependsOn"));
            }
            List<String> cycle = cycleFrom(s.name(), services, new ArrayList<>());
            if (!cycle.isEmpty() && !inACycleReported.contains(s.name())) {
                inACycleReported.addAll(cycle);
                problems.add(entry.at("dependsOn").problem("service \"" + s.name() + "\" depends on itself: "
                        + String.join(" → ", cycle) + " → " + s.name()));
            }
        }
    }

    /** The path by which {@code start} depends on itself, from {@code path}; empty when it does not. */
    private static List<String> cycleFrom(String start, Map<String, Service> services, List<String> path) {
        String at = path.isEmpty() ? start : path.get(path.size() - 1);
        if (path.isEmpty()) {
            path.add(start);
        }
        Service service = services.get(at);
        for (String next : service == null ? List.<String>of() : service.dependsOn()) {
            if (next.equals(start)) {
                return path;
            }
            if (!path.contains(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, services, path);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }

    /** A partner must be another team of the policies. */
    private void checkPartner(Located<TeamEntry> located, Map<String, Team> teams) {
        TeamEntry t = located.value();
        if (t.partner() == null || !teams.containsKey(t.name())) {
            return;
        }
        if (t.partner().equals(t.name())) {
            problems.add(located.at("partner").problem("team \"" + t.name() + "\": partner must be another team"));
        } else {
            reference(teams, "team", t.partner(), "team \"" + t.name() + "\" as its partner", located.at("partner"));
        }
    }

    private SlaTier tier(Located<TierEntry> located) {
        TierEntry t = located.value();
        Duration ack = duration(t.ackWithin(), "SLA tier \"" + t.name() + "\": ackWithin", located.at("ackWithin"));
        Set<Severity> severities = severities(t.pagesAroundTheClock(), "SLA tier \"" + t.name()
                + "\": pagesAroundTheClock ", located.at("pagesAroundTheClock"));
        return ack == null ? null : new SlaTier(t.name(), ack, severities);
    }

    private Set<Severity> severities(List<String> names, String field, Located<?> located) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String severity : names) {
            Severity parsed = parse(() -> Severity.fromWireName(severity), field, located);
            if (parsed != null) {
                severities.add(parsed);
            }
        }
        return severities;
    }

    private Service service(Located<ServiceEntry> located, Map<String, Team> teams, Map<String, SlaTier> tiers,
                            Team defaultDataTeam) {
        ServiceEntry s = located.value();
        String owner = "service \"" + s.name() + "\"";
        SlaTier tier = reference(tiers, "SLA tier", s.tier(), owner, located.at("tier"));
        Team onCall = reference(teams, "team", s.onCallTeam(), owner, located.at("onCallTeam"));
        Team dev = reference(teams, "team", s.devTeam(), owner, located.at("devTeam"));
        Team data = s.dataTeam() == null ? defaultDataTeam
                : reference(teams, "team", s.dataTeam(), owner, located.at("dataTeam"));
        if (tier == null || onCall == null || dev == null || data == null) {
            return null;
        }
        return new Service(s.name(), tier, onCall, dev, data, s.dependsOn());
    }

    private Model model(Located<ModelEntry> located, Map<String, Team> teams, Map<String, Service> services) {
        ModelEntry m = located.value();
        String owner = "model \"" + m.name() + "\"";
        Service service = reference(services, "service", m.service(), owner, located.at("service"));
        Team ml = reference(teams, "team", m.mlTeam(), owner, located.at("mlTeam"));
        Team dataScience = reference(teams, "team", m.dataScienceTeam(), owner, located.at("dataScienceTeam"));
        if (ml != null && ml.role() != Role.ML_ENGINEER) {
            problems.add(located.at("mlTeam").problem(owner + ": mlTeam \"" + ml.name() + "\" has role \""
                    + ml.role().wireName() + "\", not \"ml-engineer\""));
            return null;
        }
        if (service == null || ml == null || dataScience == null) {
            return null;
        }
        return new Model(m.name(), service, ml, dataScience);
    }

    /** Looks up a name another entry refers to; an undefined one is reported in the words of the referrer. */
    /**
     * Whether a name is one of the entries of its kind, valid or not: an entry that is invalid is reported where it
     * stands, so a reference to it is no second problem.
     */
    private <E extends NamedEntry> java.util.function.Predicate<String> named(String kind, Map<String, ?> index,
                                                                               List<Located<E>> entries) {
        Set<String> written = new HashSet<>();
        entries.forEach(e -> written.add(e.value().name()));
        return name -> index.containsKey(name) || written.contains(name) || invalidEntries.contains(kind + " " + name)
                || unreadableKinds.contains(kind);
    }

    private <V> V reference(Map<String, V> index, String kind, String name, String referrer, Located<?> at) {
        V value = index.get(name);
        if (value == null && !invalidEntries.contains(kind + " " + name) && !unreadableKinds.contains(kind)) {
            problems.add(at.problem("undefined " + kind + " \"" + name + "\" referenced by " + referrer));
        }
        return value;
    }

    private Duration duration(String text, String field, Located<?> at) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at.problem(field + " \"" + text + "\" is not an ISO-8601 duration such as PT5M"));
            return null;
        }
    }

    private ZoneId zone(TeamEntry t, Located<?> at) {
        Optional<ZoneId> zone = TimeZones.named(t.timeZone());
        if (zone.isEmpty()) {
            problems.add(at.problem("team \"" + t.name() + "\": " + TimeZones.unknown(t.timeZone())));
        }
        return zone.orElse(null);
    }

    /** Runs a parser; on failure reports {@code prefix} followed by the parser's own message. */
    private <V> V parse(Supplier<V> parser, String prefix, Located<?> at) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(at.problem(prefix + e.getMessage()));
            return null;
        }
    }
}
