package dev.pagerpolicy.api.console;

import dev.pagerpolicy.analysis.WeekOfPages;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A team's week as a heat map: a row per day, a cell per hour in the team's time zone, darker for more classes of
 * alerts that page it at once; the chosen hour's alerts and rules below it.
 *
 * @param chosen      the hour whose alerts are listed ("Tue 03:00"), or null
 * @param examples    the alerts behind the chosen hour, with the rules that fired
 * @param moments     pages at once during each holiday and maintenance window explored
 */
public record TeamWeekView(String team, String zone, String version, List<Day> days, long busiestHour, String chosen,
                           long chosenPages, List<String> examples, List<String> moments) {
    /** A day of the week and its 24 hours. */
    public record Day(String name, List<Hour> hours) {
    }

    /** An hour of the map: its pages at once, and how dark it is drawn (0 none to 4 the busiest). */
    public record Hour(int index, String label, long pages, int level) {
    }

    static TeamWeekView of(WeekOfPages.TeamWeek week, String version, Integer chosenHour) {
        return of(week, version, chosenHour, Scale.of(week));
    }

    /** The paged hours a map shades from lightest to darkest: two maps side by side share one. */
    record Scale(long quietest, long busiest) {
        static Scale of(WeekOfPages.TeamWeek... weeks) {
            long quietest = Long.MAX_VALUE;
            long busiest = 0;
            for (WeekOfPages.TeamWeek week : weeks) {
                if (week != null) {
                    busiest = Math.max(busiest, week.busiestHour());
                    quietest = Math.min(quietest, java.util.Arrays.stream(week.pagesByHour()).filter(pages -> pages > 0)
                            .min().orElse(Long.MAX_VALUE));
                }
            }
            return new Scale(quietest == Long.MAX_VALUE ? 0 : quietest, busiest);
        }
    }

    static TeamWeekView of(WeekOfPages.TeamWeek week, String version, Integer chosenHour, Scale scale) {
        long busiest = scale.busiest();
        long quietest = scale.quietest();
        List<Day> days = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<Hour> hours = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                int index = day * 24 + hour;
                long pages = week.pagesByHour()[index];
                hours.add(new Hour(index, label(index), pages, level(pages, quietest, busiest)));
            }
            days.add(new Day(DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH), hours));
        }
        List<String> moments = week.pagesByMoment().entrySet().stream()
                .map(moment -> moment.getKey() + ": " + moment.getValue() + " classes of alerts page at once over it")
                .toList();
        boolean chose = chosenHour != null && chosenHour >= 0 && chosenHour < WeekOfPages.HOURS;
        return new TeamWeekView(week.team(), week.zone().getId(), version, days, week.busiestHour(),
                chose ? label(chosenHour) : null, chose ? week.pagesByHour()[chosenHour] : 0,
                chose ? List.copyOf(week.examplesByHour().get(chosenHour)) : List.of(), moments);
    }

    /**
     * 0 for an hour nobody is paged, else 1 (the quietest paged hour) to 4 (the busiest): the spread between them is
     * what a person compares, since an on-call team is paged for something at every hour.
     */
    static int level(long pages, long quietest, long busiest) {
        if (pages == 0) {
            return 0;
        }
        return busiest == quietest ? 4 : 1 + (int) (3 * (pages - quietest) / (busiest - quietest));
    }

    /** "Tue 03:00". */
    static String label(int index) {
        return DayOfWeek.of(index / 24 + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + String.format(" %02d:00", index % 24);
    }
}
