package dev.pagerpolicy.analysis;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Catalog;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.Moment;
import dev.pagerpolicy.evaluate.Evaluation;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.RuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who can be woken, when: for each team, the classes of alerts of the domain that page it at once, by day and hour of
 * the reference week in the team's own time zone, with the alerts and rules behind each hour; and the pages during
 * each holiday and maintenance window the week explored. What the console draws as a heat map.
 */
public final class WeekOfPages {
    /** Hours of a week: a team's cell is {@code day * 24 + hour}, Monday 0. */
    public static final int HOURS = 7 * 24;
    /** The alerts kept to say what is behind an hour: enough to see, not a report. */
    static final int EXAMPLES_PER_HOUR = 25;

    /** One team's week. */
    public record TeamWeek(String team, ZoneId zone, long[] pagesByHour, List<Set<String>> examplesByHour,
                           Map<String, Long> pagesByMoment) {
        public long busiestHour() {
            long max = 0;
            for (long pages : pagesByHour) {
                max = Math.max(max, pages);
            }
            return max;
        }
    }

    private WeekOfPages() {
    }

    /** Every team paged at once by some alert of the domain, by name. */
    public static Map<String, TeamWeek> of(Explorer explorer, RuleSet ruleSet, Domain domain) {
        List<Map<String, TeamWeek>> perShape = explorer.forEachShape(domain,
                index -> ofShape(explorer, ruleSet, domain, domain.shapes().get(index)));
        Map<String, TeamWeek> weeks = new TreeMap<>();
        for (Map<String, TeamWeek> shapeWeeks : perShape) {
            shapeWeeks.forEach((team, week) -> {
                TeamWeek total = weeks.computeIfAbsent(team, t -> empty(t, week.zone()));
                for (int hour = 0; hour < HOURS; hour++) {
                    total.pagesByHour()[hour] += week.pagesByHour()[hour];
                    Set<String> examples = total.examplesByHour().get(hour);
                    for (String example : week.examplesByHour().get(hour)) {
                        if (examples.size() < EXAMPLES_PER_HOUR) {
                            examples.add(example);
                        }
                    }
                }
                week.pagesByMoment().forEach((moment, pages) -> total.pagesByMoment().merge(moment, pages, Long::sum));
            });
        }
        return weeks;
    }

    private static TeamWeek empty(String team, ZoneId zone) {
        List<Set<String>> examples = new ArrayList<>(HOURS);
        for (int hour = 0; hour < HOURS; hour++) {
            examples.add(new LinkedHashSet<>());
        }
        return new TeamWeek(team, zone, new long[HOURS], examples, new TreeMap<>());
    }

    private static Map<String, TeamWeek> ofShape(Explorer explorer, RuleSet ruleSet, Domain domain, AlertShape shape) {
        Catalog catalog = ruleSet.catalog();
        Evaluation[][] evaluations = explorer.evaluate(ruleSet, domain, shape);
        Map<String, TeamWeek> weeks = new HashMap<>();
        for (int s = 0; s < evaluations.length; s++) {
            Severity severity = domain.severities().get(s);
            for (int slot = 0; slot < evaluations[s].length; slot++) {
                Evaluation evaluation = evaluations[s][slot];
                Decision decision = evaluation.decision();
                if (decision.action() != Action.PAGE || decision.notBefore() != null) {
                    continue;
                }
                Team team = catalog.team(decision.target().team());
                TeamWeek week = weeks.computeIfAbsent(team.name(), t -> empty(t, team.timeZone()));
                Instant at = domain.week().at(slot);
                if (slot >= domain.week().weekSlots()) {
                    week.pagesByMoment().merge(momentOf(domain, slot), 1L, Long::sum);
                    continue;
                }
                ZonedDateTime local = at.atZone(team.timeZone());
                int hour = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
                week.pagesByHour()[hour]++;
                Set<String> examples = week.examplesByHour().get(hour);
                if (examples.size() < EXAMPLES_PER_HOUR) {
                    examples.add(shape.describe(List.of(severity)) + ": rules fired: "
                            + String.join(", ", evaluation.firedRules()));
                }
            }
        }
        return weeks;
    }

    private static String momentOf(Domain domain, int slot) {
        int past = domain.week().weekSlots();
        for (Moment moment : domain.week().moments()) {
            if (slot < past + moment.slots()) {
                return moment.label();
            }
            past += moment.slots();
        }
        return "another time";
    }
}
