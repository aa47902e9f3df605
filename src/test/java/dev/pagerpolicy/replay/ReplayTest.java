package dev.pagerpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.engine.Evaluator;
import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static ReplayReport replay(RuleSet ruleSet, Path file, Optional<Instant> since) throws Exception {
        return new Replay(Evaluator.withDefaults(), ruleSet, since, Optional.empty()).run(file, read -> { });
    }

    @Test
    void theLoggedDecisionsReplayUnchangedWithTheRulesThatMadeThem() throws Exception {
        ReplayReport report = replay(Packs.shipped(), LOG, Optional.empty());

        assertThat(report.lines()).isEqualTo(60);
        assertThat(report.replayed()).isEqualTo(60);
        assertThat(report.changed()).isZero();
    }

    @Test
    void aChangeOfTheTierShowsInTheDecisionsOfItsService() throws Exception {
        ReplayReport report = replay(tierTwoPagesHighAlertsAroundTheClock(), LOG, Optional.empty());

        // recommendations: outage and latency at critical, high and medium page; the high ones no longer wait.
        assertThat(report.changed()).isEqualTo(6);
        assertThat(report.changesByAspect()).containsEntry("ack time", 6L).containsEntry("deferral", 2L)
                .containsEntry("escalation chain", 6L).doesNotContainKey("target");
        assertThat(report.examples()).hasSize(6).anyMatch(example -> example.endsWith("(outage/high of recommendations"
                + " at 2026-11-23T03:00:00Z): ack PT15M → PT10M; waits for business hours → at once; escalation"
                + " storefront-dev after PT15M → storefront-dev after PT10M"));
    }

    @Test
    void maskedUnreadableAndOutOfWindowLinesAreCountedNotCompared() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(LOG));
        lines.set(0, lines.get(0).replace("\"labels\":{}", "\"labels\":{\"customer\":\"***\"}"));
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
        assertThat(report.changed()).isZero();

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
}
