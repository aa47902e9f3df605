package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Packs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rules read time only through the calendars: the condition for exploring one time for many. */
class TimeReadsTest {
    private static boolean onlyThroughCalendars(String drl) {
        return TimeReads.onlyThroughCalendars(List.of(new RuleFile("rules/r.drl", drl)));
    }

    @Test
    void theShippedRulesReadTimeOnlyThroughCalendars() {
        assertThat(Packs.shipped().timeOnlyThroughCalendars()).isTrue();
    }

    @Test
    void firedAtAsTheArgumentOfACalendarOrInANoteIsReadThroughCalendars() {
        assertThat(onlyThroughCalendars("""
                rule "r" when
                    Alert( $at : firedAt )
                    $draft : DecisionDraft( paging, !target.isWithinBusinessHours( $at ), !target.isHoliday(firedAt) )
                then
                    $draft.deferUntil($draft.getTarget().nextBusinessHoursStart($at), "fired at " + $at);
                end
                """)).isTrue();
    }

    @Test
    void sinceComparedWithAnotherSinceOrInANoteIsReadThroughCalendars() {
        assertThat(onlyThroughCalendars("""
                rule "r" when
                    FiringAlert( $since : since )
                    not FiringAlert( since < $since )
                then
                    System.out.println("since " + $since);
                end
                """)).isTrue();
    }

    @Test
    void anyOtherReadOfTheTimeIsNot() {
        assertThat(onlyThroughCalendars("""
                rule "r" when
                    Alert( $at : firedAt )
                then
                    if ($at.atZone(java.time.ZoneOffset.UTC).getHour() < 6) { }
                end
                """)).as("the hour of a bound firedAt").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when Alert( firedAt > java.time.Instant.EPOCH ) then end"))
                .as("firedAt compared").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when $a : Alert() then System.out.println($a.getFiredAt()); end"))
                .as("a getter").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when $a : Alert() then Object t = $a.firedAt; end"))
                .as("a property").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when Alert( $at : firedAt.plusSeconds(60) ) then end"))
                .as("a time derived from firedAt").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when FiringAlert( $s : since ) then deferUntil($s); end"))
                .as("since used as a time").isFalse();
        assertThat(onlyThroughCalendars("rule \"r\" when $t : Team() Alert( $at : firedAt, $t.isWithinBusinessHours($at.minusSeconds(1)) ) then end"))
                .as("a calendar asked about another time").isFalse();
    }

    @Test
    void commentsAndTextThatMentionTheTimeAreNotReads() {
        assertThat(onlyThroughCalendars("""
                // the rule reads $a.getFiredAt() nowhere
                rule "r" when Alert() then System.out.println("firedAt.getHour() is not read"); end
                """)).isTrue();
    }
}
