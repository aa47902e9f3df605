package dev.pagerpolicy.analysis;

import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Model;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.gate.Outcome;
import dev.pagerpolicy.ruleset.RuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code diff}: evaluates the domain under two rule sets and reports every class of alerts decided differently. */
public final class RuleSetDiff {
    private final Explorer explorer;

    public RuleSetDiff(Explorer explorer) {
        this.explorer = explorer;
    }

    /** What identifies a shape across two catalogs: names, not the catalogs' objects. */
    private record Key(String service, String model, String kind, boolean production, Map<String, String> labels,
                       Map<String, Double> signals, String outage) {
        static Key of(AlertShape shape) {
            return new Key(shape.service().name(), shape.model() == null ? null : shape.model().name(),
                    shape.kind().wireName(), shape.production(), shape.labels(), shape.signals(),
                    shape.situation());
        }
    }

    private record ShapeDiff(List<Finding> changes, long changed, Map<String, long[]> nightPages) {
    }

    public DiffReport run(RuleSet base, RuleSet changed, DomainSpec spec) {
        // One sampling of the week fine enough for the teams of both sides, with the calendars of both.
        return run(base, changed, spec, Week.of(spec.week(), base.catalog(), changed.catalog()));
    }

    /** The diff over the times of {@code week}. */
    DiffReport run(RuleSet base, RuleSet changed, DomainSpec spec, Week week) {
        return run(base, changed, spec, week, shape -> true);
    }

    /** The diff over the times of {@code week}, of the alerts {@code compared} admits. */
    DiffReport run(RuleSet base, RuleSet changed, DomainSpec spec, Week week, Predicate<AlertShape> compared) {
        long started = System.nanoTime();
        // Either side's rules on firing alerts make the alerts during outages worth comparing, on both sides.
        boolean withOutages = !base.rulesOnFiringAlerts().isEmpty() || !changed.rulesOnFiringAlerts().isEmpty();
        // The labels and signals either side's rules compare, on both sides.
        List<Map<String, String>> labellings = new ArrayList<>(base.files().labellings());
        changed.files().labellings().stream().filter(l -> !labellings.contains(l)).forEach(labellings::add);
        List<Map<String, Double>> signallings = new ArrayList<>(base.files().signallings());
        changed.files().signallings().stream().filter(l -> !signallings.contains(l)).forEach(signallings::add);
        Domain baseDomain = Domain.of(base.catalog(), spec, withOutages, labellings, signallings);
        Domain changedDomain = Domain.of(changed.catalog(), spec, withOutages, labellings, signallings);
        Map<Key, AlertShape> baseShapes = new HashMap<>();
        baseDomain.shapes().forEach(shape -> baseShapes.put(Key.of(shape), shape));
        List<AlertShape> common = changedDomain.shapes().stream().filter(compared)
                .filter(s -> baseShapes.containsKey(Key.of(s))).toList();
        Domain domain = new Domain(common, changedDomain.severities(), week);
        Domain baseSide = new Domain(common.stream().map(s -> baseShapes.get(Key.of(s))).toList(),
                baseDomain.severities(), week);

        List<ShapeDiff> diffs = explorer.forEachShape(domain, index -> compare(domain.shapes().get(index),
                explorer.evaluate(base, baseSide, baseSide.shapes().get(index)),
                explorer.evaluate(changed, domain, domain.shapes().get(index)), domain, base.catalog(), changed.catalog()));

        List<Finding> changes = new ArrayList<>();
        long changedCount = 0;
        Map<String, long[]> night = new TreeMap<>();
        for (ShapeDiff diff : diffs) {
            changes.addAll(diff.changes());
            changedCount += diff.changed();
            diff.nightPages().forEach((team, counts) -> {
                long[] total = night.computeIfAbsent(team, t -> new long[2]);
                total[0] += counts[0];
                total[1] += counts[1];
            });
        }
        Map<String, DiffReport.NightPages> nightPages = new TreeMap<>();
        night.forEach((team, counts) -> nightPages.put(team, new DiffReport.NightPages(counts[0], counts[1])));
        return new DiffReport(base.version(), changed.version(), domain.size(), changedCount,
                (System.nanoTime() - started) / 1_000_000, Finding.merge(changes), onlyIn(base.catalog(), changed.catalog()),
                onlyIn(changed.catalog(), base.catalog()), nightPages);
    }

    private static ShapeDiff compare(AlertShape shape, Evaluation[][] before, Evaluation[][] after, Domain domain,
                                     Catalog baseCatalog, Catalog catalog) {
        Function<String, ZoneId> zonesBefore = Outcome.zonesOf(baseCatalog);
        Function<String, ZoneId> zonesAfter = Outcome.zonesOf(catalog);
        Timeline timeline = new Timeline(shape, domain.severities(), domain.week());
        Map<String, long[]> nightPages = new HashMap<>();
        long changed = 0;
        for (int s = 0; s < after.length; s++) {
            for (int slot = 0; slot < after[s].length; slot++) {
                Outcome was = Outcome.of(before[s][slot].decision());
                Outcome now = Outcome.of(after[s][slot].decision());
                if (was.equals(now)) {
                    continue;
                }
                changed++;
                timeline.mark(s, slot, now.changesFrom(was, zonesBefore, zonesAfter));
                Instant at = domain.week().at(slot);
                String pagedBefore = teamName(Outcome.pagedAtNight(before[s][slot].decision(), baseCatalog, at));
                String pagedNow = teamName(Outcome.pagedAtNight(after[s][slot].decision(), catalog, at));
                if (pagedNow != null && !pagedNow.equals(pagedBefore)) {
                    nightPages.computeIfAbsent(pagedNow, t -> new long[2])[0]++;
                }
                if (pagedBefore != null && !pagedBefore.equals(pagedNow)) {
                    nightPages.computeIfAbsent(pagedBefore, t -> new long[2])[1]++;
                }
            }
        }
        return new ShapeDiff(timeline.findings(shape.service().onCallTeam()), changed, nightPages);
    }

    private static String teamName(Team team) {
        return team == null ? null : team.name();
    }

    /** Services and models {@code side} has and {@code other} lacks (a model counts as lacking if it moved). */
    private static List<String> onlyIn(Catalog side, Catalog other) {
        List<String> only = new ArrayList<>();
        side.services().keySet().stream().sorted().filter(name -> !other.services().containsKey(name))
                .forEach(name -> only.add("service " + name));
        side.models().values().stream().sorted(java.util.Comparator.comparing(Model::name))
                .filter(model -> other.findModel(model.name()).map(m -> !m.service().name().equals(model.service().name()))
                        .orElse(true))
                .forEach(model -> only.add("model " + model.name() + " of service " + model.service().name()));
        return only;
    }
}
