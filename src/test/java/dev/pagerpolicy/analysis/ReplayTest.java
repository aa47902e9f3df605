package dev.pagerpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    /** 60 decisions logged by the service with the shipped pack: alerts of three services at Mon 03:00 UTC. */
    private static final Path LOG = Path.of("src/test/resources/replay/decisions.log");

    @TempDir
    Path dir;

    private RuleSet tierTwoPagesHighAlertsAroundTheClock() {
        Packs.copyShipped(dir);
        Packs.edit(dir.resolve("policies/sla-tiers.yaml"), "    ackWithin: PT15M\n    pagesAroundTheClock: [critical]",
                "    ackWithin: PT10M\n    pagesAroundTheClock: [critical, high]");
        return Packs.load(dir.resolve("rules"), dir.resolve("policies"));
    }

    /**
     * An outage of recommendations and, 0.1 s later, a latency alert of it, both paged by a service that decided every
     * alert alone (before it kept what was firing).
     */
    private static final Path DECIDED_ALONE = Path.of("src/test/resources/replay/decided-alone.log");

    private static ReplayReport replay(RuleSet ruleSet, Path file, Optional<Instant> since) throws Exception {
        return replay(ruleSet, file, since, Duration.ofMinutes(5));
    }

    private static ReplayReport replay(RuleSet ruleSet, Path file, Optional<Instant> since, Duration resolveTimeout)
            throws Exception {
        return new Replay(Evaluator.withDefaults(), ruleSet, since, Optional.empty(), resolveTimeout)
                .run(file, read -> { });
    }

    @Test
    void whatWasFiringIsRebuiltFromTheLogInItsOrder() throws Exception {
        ReplayReport report = replay(Packs.shipped(), DECIDED_ALONE, Optional.empty());

        // The outage's page is kept as firing: the latency alert that follows is the same outage, seen again.
        assertThat(report.withFiring()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.changesByAspect()).containsEntry("action", 1L);
        assertThat(report.examples()).singleElement().asString()
                .endsWith("(latency/critical of recommendations at 2026-11-23T03:00:00Z): page platform-sre → notify"
                        + " platform-sre; ackWithin PT15M → none; escalation storefront-dev after PT15M → none");
    }

    @Test
    void anAlertResolvedInTheLogNoLongerExplainsWhatFollows() throws Exception {
        List<String> lines = Files.readAllLines(DECIDED_ALONE);
        Path log = dir.resolve("decisions.log");
        Files.write(log, List.of(lines.get(0).replace("\"decision\":", "\"alertKey\":\"fingerprint 1f\",\"decision\":"),
                "{\"alertKey\":\"fingerprint 1f\",\"resolvedAt\":\"2026-11-27T20:50:34.800Z\"}", lines.get(1)));

        ReplayReport report = replay(Packs.shipped(), log, Optional.empty());

        assertThat(report.resolutions()).isEqualTo(1);
        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.withFiring()).isZero();
        assertThat(report.changed()).isZero();
    }

    @Test
    void anAlertNeverResolvedStopsFiringAfterTheResolveTimeout() throws Exception {
        ReplayReport report = replay(Packs.shipped(), DECIDED_ALONE, Optional.empty(), Duration.ofMillis(1));

        assertThat(report.withFiring()).isZero();
        assertThat(report.changed()).isZero();
    }

    @Test
    void aDecisionNotReplayedIsFiringAllTheSame() throws Exception {
        List<String> lines = Files.readAllLines(DECIDED_ALONE);
        Path log = dir.resolve("decisions.log");
        Files.write(log, List.of(lines.get(0).replace("\"decision\":", "\"maskedLabels\":[\"customer\"],\"decision\":"),
                lines.get(1)));

        ReplayReport report = replay(Packs.shipped(), log, Optional.empty());

        assertThat(report.masked()).isEqualTo(1);
        assertThat(report.withFiring()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(1);
    }

    /**
     * The log's alerts but those of one service: churn-reports' outage was a page held for business hours, which the
     * rules that logged it took for someone awake.
     */
    private Path logWithout(String service) throws Exception {
        Path log = dir.resolve("without-" + service + ".log");
        Files.write(log, Files.readAllLines(LOG).stream()
                .filter(line -> !line.contains("\"service\":\"" + service + "\"")).toList());
        return log;
    }

    @Test
    void theLoggedDecisionsReplayUnchangedWithTheRulesThatMadeThem() throws Exception {
        ReplayReport report = replay(Packs.shipped(), logWithout("churn-reports"), Optional.empty());

        assertThat(report.lines()).isEqualTo(40);
        assertThat(report.replayed()).isEqualTo(40);
        assertThat(report.changed()).isZero();
    }

    @Test
    void alertsThatAPageHeldForBusinessHoursTurnedIntoNotifiesAreDecidedAsWithNothingFiring() throws Exception {
        ReplayReport report = replay(Packs.shipped(), LOG, Optional.empty());

        // churn-reports' critical outage at Mon 03:00 UTC was held until analytics-dev's hours: nobody was woken, yet
        // its outage and latency alerts that followed were logged as notifies "while analytics-dev is already paged".
        // Low ones notify whatever is firing.
        assertThat(report.replayed()).isEqualTo(60);
        assertThat(report.changed()).isEqualTo(5);
        assertThat(report.changesByAspect()).containsEntry("action", 5L);
        assertThat(report.examples()).allSatisfy(example -> assertThat(example.toString())
                .contains(" of churn-reports at 2026-11-23T03:00:00Z): notify analytics-dev → "));
    }

    @Test
    void aChangeOfTheTierShowsInTheDecisionsOfItsService() throws Exception {
        ReplayReport report = replay(tierTwoPagesHighAlertsAroundTheClock(), logWithout("churn-reports"),
                Optional.empty());

        // The log is of a storm: every alert of recommendations came while its critical outage was paged, so only that
        // page changes; the others stay notifications of the team at work on it.
        assertThat(report.withFiring()).isEqualTo(38);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.changesByAspect()).containsEntry("ackWithin", 1L).containsEntry("escalation", 1L)
                .doesNotContainKey("notBefore").doesNotContainKey("target.team");
        assertThat(report.examples()).singleElement().asString().endsWith("(outage/critical of recommendations"
                + " at 2026-11-23T03:00:00Z): ackWithin PT15M → PT10M; escalation storefront-dev after PT15M →"
                + " storefront-dev after PT10M");
    }

    @Test
    void maskedUnreadableAndOutOfWindowLinesAreCountedNotCompared() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(LOG));
        // The record says which labels were masked; a label whose own value is "***" is just a value.
        lines.set(0, lines.get(0).replace("\"labels\":{}", "\"labels\":{\"customer\":\"***\"}")
                .replace("\"decision\":", "\"maskedLabels\":[\"customer\"],\"decision\":"));
        lines.set(1, lines.get(1).replace("\"labels\":{}", "\"labels\":{\"stars\":\"***\"}"));
        lines.add(3, "2026-11-27 09:00:00 INFO started");
        lines.add(5, "{\"status\":\"UP\"}");
        Path log = dir.resolve("decisions.log");
        Files.write(log, lines);

        ReplayReport report = replay(Packs.shipped(), log, Optional.of(Instant.parse("2026-11-23T03:00:00Z")));

        assertThat(report.lines()).isEqualTo(61);
        assertThat(report.masked()).isEqualTo(1);
        assertThat(report.unreadable()).isEqualTo(2);
        assertThat(report.problems()).containsExactly(log + ":4: not JSON",
                log + ":6: not a decision (no \"decision\" field)");
        assertThat(report.replayed()).isEqualTo(59);
        // Those of churn-reports that a held page turned into notifies (see above).
        assertThat(report.changed()).isEqualTo(5);

        ReplayReport later = replay(Packs.shipped(), log, Optional.of(Instant.parse("2026-11-23T03:00:01Z")));
        assertThat(later.outsideWindow()).isEqualTo(59);
    }

    @Test
    void theAnswerOfGetDecisionsReplaysToo() throws Exception {
        List<String> lines = Files.readAllLines(LOG).subList(0, 3);
        Path answer = dir.resolve("recent.json");
        Files.writeString(answer, "[\n" + String.join(",\n", lines) + "\n]\n");

        ReplayReport report = replay(tierTwoPagesHighAlertsAroundTheClock(), answer, Optional.empty());

        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.replayed()).isEqualTo(3);
    }

    @Test
    void hostileLinesAreCountedAndTheRunGoesOn() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(LOG).subList(0, 4));
        String first = lines.get(0);
        lines.add(first.replace("2026-11-23T03:00:00Z", "+999999999-12-31T23:59:59Z"));
        lines.add(first.replaceFirst("\"decision\":\\{.*$", "\"decision\":null}"));
        lines.add("{\"alert\": 7, \"decision\": []}");
        Path log = dir.resolve("decisions.log");
        try (var out = Files.newOutputStream(log)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, '\n'}); // not UTF-8, not JSON
            byte[] huge = new byte[3 * 1024 * 1024]; // a line far longer than any decision
            java.util.Arrays.fill(huge, (byte) 'x');
            out.write(huge);
            out.write('\n');
            out.write((lines.get(1) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        ReplayReport report = replay(Packs.shipped(), log, Optional.empty());

        assertThat(report.problems()).containsExactly(
                log + ":5: not a decision: firedAt +999999999-12-31T23:59:59Z is not from 2000-01-01T00:00:00Z up to"
                        + " 2200-01-01T00:00:00Z",
                log + ":6: not a decision (its \"decision\" is not an object)",
                log + ":7: not a decision (its \"decision\" is not an object)",
                log + ":8: not JSON",
                log + ":9: longer than 1048576 characters; no decision is");
        assertThat(report.unreadable()).isEqualTo(5);
        assertThat(report.replayed()).isEqualTo(5);
        // The last line, read after the hostile ones, is the outage of recommendations sent again without an id: a
        // second alert of a service already paged, a notification now.
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.changesByAspect()).containsEntry("action", 1L);
    }
}
