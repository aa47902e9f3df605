package dev.pagerpolicy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Holidays, partners and maintenance windows: what the policies say, and every mistake as FILE:LINE. */
class CalendarPoliciesTest extends CopiedPolicies {
    @Test
    void aHolidayIsOutsideBusinessHoursAndThePageWaitsForTheNextWorkingDay() throws Exception {
        Team analytics = CatalogLoader.load(Packs.POLICIES, StandaloneValidator.get()).teams().get("analytics-dev");
        Instant thanksgivingMorning = Instant.parse("2026-11-26T15:00:00Z");

        assertThat(analytics.isHoliday(thanksgivingMorning)).isTrue();
        assertThat(analytics.holidayAt(thanksgivingMorning)).map(Holiday::name).hasValue("Thanksgiving");
        assertThat(analytics.isWithinBusinessHours(thanksgivingMorning)).isFalse();
        assertThat(analytics.nextBusinessHoursStart(thanksgivingMorning)).isEqualTo("2026-11-27T14:00:00Z");
        assertThat(analytics.nextBusinessHoursStart(Instant.parse("2026-12-24T23:00:00Z")))
                .as("Christmas Day, yearly, on a Friday: Monday").isEqualTo("2026-12-28T14:00:00Z");
        assertThat(analytics.partner()).isEqualTo("analytics-dev-india");
    }

    @Test
    void calendarMistakesAreReportedAtTheirLines() {
        Packs.edit(policies.resolve("calendars.yaml"), "      - {date: 2026-11-26, name: Thanksgiving}\n",
                "      - {date: 2026-11-26, name: Thanksgiving}\n      - {date: 2026-02-30, name: Not a day}\n"
                        + "      - {yearly: 12-25, name: Christmas again}\n      - {name: Undated}\n");
        Packs.edit(policies.resolve("teams.yaml"), "calendars: [us]\n    partner: analytics-dev-india",
                "calendars: [us, mars]\n    partner: analytics-dev-mars");

        assertThat(problems()).containsExactly(
                file("calendars.yaml") + ":7: calendar \"us\": holiday \"Not a day\": \"2026-02-30\" is not a date such"
                        + " as 2026-11-26 (Invalid date 'FEBRUARY 30')",
                file("calendars.yaml") + ":7: calendar \"us\": holiday \"Undated\": give either a date (2026-11-26) or"
                        + " a yearly day (12-25)",
                file("calendars.yaml") + ":7: calendar \"us\": holiday \"Christmas Day\" on every 12-25 is listed"
                        + " twice (also as \"Christmas again\")",
                file("teams.yaml") + ":30: undefined calendar \"mars\" referenced by team \"analytics-dev\"",
                file("teams.yaml") + ":31: undefined team \"analytics-dev-mars\" referenced by team \"analytics-dev\""
                        + " as its partner");
    }

    @Test
    void maintenanceMistakesAreReportedAtTheirLines() {
        Packs.write(policies.resolve("maintenance.yaml"), """
                windows:
                  - name: backwards
                    service: checkout-api
                    start: 2026-12-01T04:00
                    end: 2026-12-01T02:00
                    timeZone: Europe/Berlin
                  - name: nightly
                    service: checkout-api
                    start: 2026-11-30T23:00
                    duration: PT8H
                    timeZone: Europe/Berlin
                    weekly: true
                  - name: overlapping a week later
                    service: checkout-api
                    start: 2026-12-08T03:00
                    duration: PT1H
                    timeZone: Europe/Berlin
                  - name: nowhere
                    service: billing-batch
                    start: 2026-12-01T02:00
                    duration: PT1H
                    timeZone: Mars/Olympus
                """);

        assertThat(problems()).containsExactly(
                file("maintenance.yaml") + ":2: maintenance window \"backwards\": it ends (2026-12-01T02:00) before it"
                        + " starts (2026-12-01T04:00)",
                file("maintenance.yaml") + ":13: maintenance window \"overlapping a week later\" of service"
                        + " \"checkout-api\" overlaps window \"nightly\" (line 7)",
                file("maintenance.yaml") + ":19: undefined service \"billing-batch\" referenced by maintenance window"
                        + " \"nowhere\"",
                file("maintenance.yaml") + ":22: maintenance window \"nowhere\": unknown time zone \"Mars/Olympus\""
                        + " (use an IANA name such as Europe/Berlin)");
    }

    @Test
    void aWeeklyWindowRecursOnTheWallClockAndAModelsWindowConcernsOnlyThatModel() throws Exception {
        Catalog catalog = CatalogLoader.load(Packs.POLICIES, StandaloneValidator.get());

        assertThat(catalog.maintenanceAt("checkout-api", null, Instant.parse("2027-06-06T00:00:00Z")))
                .map(Maintenance::endsAt).hasValue(Instant.parse("2027-06-06T02:00:00Z"));
        assertThat(catalog.maintenanceAt("checkout-api", null, Instant.parse("2026-10-25T01:30:00Z")))
                .as("before the first occurrence").isEmpty();
        assertThat(catalog.maintenanceAt("recommendations", "product-recs", Instant.parse("2026-12-06T01:00:00Z")))
                .map(Maintenance::name).hasValue("feature store migration");
        assertThat(catalog.maintenanceAt("recommendations", null, Instant.parse("2026-12-06T01:00:00Z"))).isEmpty();
    }
}
