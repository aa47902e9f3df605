package dev.pagerpolicy.analysis;

import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.Team;
import dev.pagerpolicy.domain.AlertShape;
import dev.pagerpolicy.domain.Week;
import dev.pagerpolicy.domain.WhenText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups what happens to one shape of alert, severity by severity and time by time, into lines a person can
 * read: contiguous times merged into ranges of the week, and severities with the same ranges merged.
 */
final class Timeline {
    private final AlertShape shape;
    private final List<Severity> severities;
    private final Week week;
    /** What happens, by severity and slot; null where there is nothing to report. */
    private final String[][] labels;

    Timeline(AlertShape shape, List<Severity> severities, Week week) {
        this.shape = shape;
        this.severities = severities;
        this.week = week;
        this.labels = new String[severities.size()][];
    }

    void mark(int severity, int slot, String label) {
        if (labels[severity] == null) {
            labels[severity] = new String[week.slots()];
        }
        labels[severity][slot] = label;
    }

    boolean isEmpty() {
        for (String[] row : labels) {
            if (row != null) {
                return false;
            }
        }
        return true;
    }

    /** The lines, in the week of the team they concern, in which they read best. */
    List<Finding> findings(Team team) {
        record Line(String what, String when) {
        }
        Map<Line, List<Severity>> severitiesByLine = new LinkedHashMap<>();
        Map<Line, Long> counts = new LinkedHashMap<>();
        for (int s = 0; s < severities.size(); s++) {
            if (labels[s] == null) {
                continue;
            }
            Map<String, boolean[]> slotsByLabel = new LinkedHashMap<>();
            for (int slot = 0; slot < labels[s].length; slot++) {
                if (labels[s][slot] != null) {
                    slotsByLabel.computeIfAbsent(labels[s][slot], l -> new boolean[week.slots()])[slot] = true;
                }
            }
            for (Map.Entry<String, boolean[]> entry : slotsByLabel.entrySet()) {
                Line line = new Line(entry.getKey(), new WhenText(week).describe(entry.getValue(), team));
                severitiesByLine.computeIfAbsent(line, l -> new ArrayList<>()).add(severities.get(s));
                counts.merge(line, count(entry.getValue()), Long::sum);
            }
        }
        List<Finding> findings = new ArrayList<>();
        severitiesByLine.forEach((line, merged) ->
                findings.add(Finding.of(shape, merged.stream().map(Severity::wireName).toList(), line.when(),
                        line.what(), counts.get(line))));
        return findings;
    }

    private static long count(boolean[] slots) {
        long n = 0;
        for (boolean slot : slots) {
            n += slot ? 1 : 0;
        }
        return n;
    }
}
