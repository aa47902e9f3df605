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
}
