package dev.pagerpolicy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final BusinessHours weekdays = BusinessHours.parse("Mon-Fri 09:00-17:00");

    private static ZonedDateTime ny(String local) {
        return java.time.LocalDateTime.parse(local).atZone(NEW_YORK);
    }

    @Test
    void startIsInsideAndEndIsOutside() {
        assertThat(weekdays.contains(ny("2026-11-25T09:00"))).isTrue();
        assertThat(weekdays.contains(ny("2026-11-25T16:59"))).isTrue();
        assertThat(weekdays.contains(ny("2026-11-25T17:00"))).isFalse();
    }

    @Test
    void saturdayNightWaitsForMondayMorning() {
        assertThat(weekdays.nextStart(ny("2026-11-28T03:00"))).isEqualTo(ny("2026-11-30T09:00"));
    }

    @Test
    void fridayEveningWaitsForMonday() {
        assertThat(weekdays.nextStart(ny("2026-11-27T17:30"))).isEqualTo(ny("2026-11-30T09:00"));
    }

    @Test
    void earlyMorningWaitsForTheSameDay() {
        assertThat(weekdays.nextStart(ny("2026-11-25T06:00"))).isEqualTo(ny("2026-11-25T09:00"));
    }

    @Test
    void withinHoursIsItsOwnStart() {
        assertThat(weekdays.nextStart(ny("2026-11-25T10:15"))).isEqualTo(ny("2026-11-25T10:15"));
    }

    @Test
    void keepsLocalTimeAcrossDaylightSavingChange() {
        // New York leaves daylight saving time on Sunday 2026-11-01.
        assertThat(weekdays.nextStart(ny("2026-10-31T12:00"))).isEqualTo(ny("2026-11-02T09:00"));
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void hoursThatFallWhollyInTheSpringGapDoNotExistThatDay() {
        // Berlin's clocks go from 02:00 straight to 03:00 on Sunday 2026-03-29.
        BusinessHours gap = BusinessHours.parse("Sun 02:00-03:00");
        ZonedDateTime before = ZonedDateTime.parse("2026-03-29T01:30+01:00[Europe/Berlin]");
        ZonedDateTime next = gap.nextStart(before);
        assertThat(next).isEqualTo(java.time.LocalDateTime.parse("2026-04-05T02:00").atZone(BERLIN));
        assertThat(gap.contains(next)).isTrue();
    }

    @Test
    void hoursThatStartInTheSpringGapStartWhenTheClockResumes() {
        BusinessHours hours = BusinessHours.parse("Sun 02:30-05:00");
        ZonedDateTime next = hours.nextStart(ZonedDateTime.parse("2026-03-29T01:30+01:00[Europe/Berlin]"));
        assertThat(next).isEqualTo(ZonedDateTime.parse("2026-03-29T03:00+02:00[Europe/Berlin]"));
        assertThat(hours.contains(next)).isTrue();
    }

    @Test
    void hoursThatStartInTheAutumnOverlapStartAtTheFirstOfTheTwoTimes() {
        // Berlin's clocks go from 03:00 back to 02:00 on Sunday 2026-10-25: 02:30 happens twice.
        BusinessHours hours = BusinessHours.parse("Sun 02:30-05:00");
        ZonedDateTime next = hours.nextStart(ZonedDateTime.parse("2026-10-25T01:00+02:00[Europe/Berlin]"));
        assertThat(next.toOffsetDateTime()).isEqualTo(java.time.OffsetDateTime.parse("2026-10-25T02:30+02:00"));
    }

    @Test
    void singleDayAndWrappingRangesParse() {
        assertThat(BusinessHours.parse("Sat 10:00-14:00").days()).containsExactly(java.time.DayOfWeek.SATURDAY);
        assertThat(BusinessHours.parse("Fri-Mon 08:00-12:00").days()).hasSize(4);
    }

    @Test
    void unknownDayIsNamed() {
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fry 09:00-17:00"))
                .hasMessage("business hours \"Mon-Fry 09:00-17:00\": \"Fry\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    @Test
    void roundTheClockIsAlwaysWithinHours() {
        BusinessHours always = BusinessHours.parse("24/7");
        assertThat(always.contains(ny("2026-11-28T03:00"))).isTrue();
        assertThat(always.contains(ny("2026-11-29T23:59"))).isTrue();
        assertThat(always.nextStart(ny("2026-11-28T03:00"))).isEqualTo(ny("2026-11-28T03:00"));
        assertThat(always.describe()).isEqualTo("24/7");
        assertThat(BusinessHours.parse("Mon-Sun 00:00-24:00").contains(ny("2026-11-25T23:30"))).isTrue();
    }

    @Test
    void weekdaysAndWeekendCoverAreOneWeekOfSeveralRanges() {
        BusinessHours cover = BusinessHours.parse("Mon-Fri 09:00-17:00, Sat-Sun 10:00-14:00");
        assertThat(cover.contains(ny("2026-11-28T11:00"))).as("Saturday late morning").isTrue();
        assertThat(cover.contains(ny("2026-11-28T15:00"))).as("Saturday afternoon").isFalse();
        assertThat(cover.contains(ny("2026-11-25T15:00"))).as("Wednesday afternoon").isTrue();
        assertThat(cover.nextStart(ny("2026-11-27T17:30"))).as("Friday evening waits for Saturday")
                .isEqualTo(ny("2026-11-28T10:00"));
        assertThat(cover.days()).hasSize(7);
        assertThat(cover.describe()).isEqualTo("Mon-Fri 09:00-17:00, Sat-Sun 10:00-14:00");
    }

    @Test
    void aRangeThatEndsBeforeItStartsSaysHowToWriteTheNight() {
        assertThatThrownBy(() -> BusinessHours.parse("Mon-Fri 22:00-06:00"))
                .hasMessage("business hours \"Mon-Fri 22:00-06:00\": 22:00-06:00 ends before it starts; write a night"
                        + " as two ranges, e.g. \"Mon-Fri 22:00-24:00, Tue-Sat 00:00-06:00\"");
    }
}
