package dev.pagerpolicy.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.AlertKind;
import dev.pagerpolicy.alert.Severity;
import dev.pagerpolicy.catalog.StandaloneValidator;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.ServiceLane;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload swaps in a new rule set only when it compiles, validates and passes its scenarios. */
@ServiceLane
class ReloaderTest {
    private static final Alert TIER2_OUTAGE = new Alert("a", AlertKind.OUTAGE, Severity.CRITICAL, "recommendations",
            null, null, Instant.parse("2026-11-25T03:00:00Z"), null, null);

    @TempDir
    Path dir;
    Path rules;
    Path policies;
    ActiveRuleSet active;
    Reloader reloader;
    final Evaluator evaluator = Evaluator.withDefaults();

    @BeforeEach
    void startWithTheShippedPack() throws Exception {
        Packs.copyShipped(dir);
        rules = dir.resolve("rules");
        policies = dir.resolve("policies");
        RuleSetVerifier verifier = new RuleSetVerifier(Packs.loader(),
                new ScenarioRunner(evaluator, Clock.systemUTC()), StandaloneValidator.get(), rules, policies);
        active = new ActiveRuleSet(verifier.buildVerified());
        reloader = new Reloader(verifier, active, Clock.systemUTC());
    }

    @Test
    void aGoodChangeGoesLiveAndDecisionsCarryTheNewVersion() {
        String before = active.get().version();
        Packs.useTenMinuteTier2Acks(dir);

        ReloadAttempt attempt = reloader.reload("test");

        assertThat(attempt.result()).isEqualTo("success");
        assertThat(attempt.problems()).isEmpty();
        assertThat(active.get().version()).isEqualTo(attempt.version()).isNotEqualTo(before);
        var decision = evaluator.decide(active.get(), TIER2_OUTAGE);
        assertThat(decision.ackWithin()).isEqualTo(Duration.ofMinutes(10));
        assertThat(decision.policyVersion()).isEqualTo(attempt.version());
    }

    @Test
    void aRulesDirectoryWithoutScenariosGoesLiveWithAWarning() throws Exception {
        assertThat(active.get().warnings()).isEmpty();
        try (var files = java.nio.file.Files.list(rules.resolve("tests"))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        reloader.reload("test");
        assertThat(active.get().warnings()).containsExactly("no scenarios in " + rules.resolve("tests")
                + ": rule changes go live without a test");
    }

    @Test
    void unchangedFilesKeepTheActiveSet() {
        RuleSet before = active.get();
        assertThat(reloader.reload("test").result()).isEqualTo("unchanged");
        assertThat(active.get()).isSameAs(before);
    }

    @Test
    void aDrlSyntaxErrorLeavesTheVerySameSetActive() {
        RuleSet before = active.get();
        Packs.edit(rules.resolve("service-health.drl"), "    $draft : DecisionDraft( undecided )\nthen",
                "    $draft : DecisionDraft( undecided \nthen");

        ReloadAttempt attempt = reloader.reload("test");

        assertThat(active.get()).isSameAs(before);
        assertThat(attempt.failed()).isTrue();
        assertThat(attempt.problems()).containsExactly(rules.resolve("service-health.drl") + ":17: [ERR 102]"
                + " Line 17:0 mismatched input 'then' in rule \"Service-health alerts page the service's on-call team\"");
        assertThat(reloader.lastAttempt()).contains(attempt);
    }

    @Test
    void anUndefinedTeamLeavesTheVerySameSetActive() {
        RuleSet before = active.get();
        Packs.edit(policies.resolve("services.yaml"), "onCallTeam: analytics-dev", "onCallTeam: sre-db");

        ReloadAttempt attempt = reloader.reload("test");

        assertThat(active.get()).isSameAs(before);
        assertThat(attempt.problems()).containsExactly(policies.resolve("services.yaml")
                + ":21: undefined team \"sre-db\" referenced by service \"churn-reports\"");
    }

    @Test
    void aChangeThatBreaksAScenarioLeavesTheVerySameSetActive() {
        RuleSet before = active.get();
        Packs.edit(policies.resolve("sla-tiers.yaml"), "pagesAroundTheClock: [critical]\n", "pagesAroundTheClock: []\n");

        ReloadAttempt attempt = reloader.reload("test");

        assertThat(active.get()).isSameAs(before);
        assertThat(attempt.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                rules.resolve("tests/service-health.yaml") + ":50: scenario \"a critical tier-2 outage pages at night\":"
                        + " expected deferred false, got true (rules fired: "));
        assertThat(evaluator.decide(active.get(), TIER2_OUTAGE).notBefore()).isNull();
    }

    @Test
    void aRuleSetThatRunsOutOfMemoryInItsScenariosFailsAsAReloadAndTheActiveSetStays() {
        RuleSet before = active.get();
        Packs.write(rules.resolve("greedy.drl"), """
                package greedy
                import dev.pagerpolicy.alert.Alert
                rule "Runs out of memory"
                when
                    Alert()
                then
                    throw new OutOfMemoryError("Java heap space");
                end
                """);

        ReloadAttempt attempt = reloader.reload("test");

        assertThat(active.get()).isSameAs(before);
        assertThat(attempt.failed()).isTrue();
        assertThat(attempt.problems()).containsExactly("unexpected error: java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void listenersHearEveryAttempt() {
        var heard = new java.util.ArrayList<ReloadAttempt>();
        reloader.onAttempt(heard::add);
        reloader.reload("one");
        Packs.edit(policies.resolve("services.yaml"), "tier: tier-3", "tier: tier-9");
        reloader.reload("two");
        assertThat(heard).extracting(ReloadAttempt::trigger, ReloadAttempt::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("one", "unchanged"),
                        org.assertj.core.groups.Tuple.tuple("two", "failed"));
    }

    @Test
    void aRequestWhileAnotherIsQueuedIsThatOneAndTheNextAfterItStartsIsNew() throws Exception {
        java.util.Deque<Runnable> tasks = new java.util.ArrayDeque<>();
        Reloader queued = reloaderRunningOn(tasks);

        PendingReload first = queued.request("file-watcher");
        PendingReload second = queued.request("api");

        assertThat(second).isSameAs(first); // it has not read the files yet: it reads the newest
        assertThat(first.getStatus()).isEqualTo(PendingReload.QUEUED);
        assertThat(queued.pending()).containsSame(first);
        assertThat(tasks).hasSize(1);

        tasks.poll().run();

        assertThat(first.outcome()).isCompleted();
        assertThat(first.outcome().get().id()).isEqualTo(first.getId());
        assertThat(queued.lastAttempt()).contains(first.outcome().get());
        assertThat(queued.pending()).isEmpty();
        PendingReload third = queued.request("api");
        assertThat(third.getId()).isEqualTo(first.getId() + 1);
        assertThat(tasks).hasSize(1);
    }

    @Test
    void aReloadLeftWhenTheServiceStopsIsAbandonedQuietly() throws Exception {
        java.util.Deque<Runnable> tasks = new java.util.ArrayDeque<>();
        Reloader stopping = reloaderRunningOn(tasks);
        java.util.List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler recorder = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Reloader.class.getName());
        logger.addHandler(recorder);
        try {
            PendingReload pending = stopping.request("file-watcher");
            stopping.stop();
            tasks.poll().run();

            ReloadAttempt attempt = pending.outcome().get();
            assertThat(attempt.result()).isEqualTo("failed");
            assertThat(attempt.problems()).containsExactly("abandoned: the service is stopping");
            assertThat(logged).extracting(java.util.logging.LogRecord::getLevel)
                    .allMatch(level -> level.intValue() < java.util.logging.Level.WARNING.intValue());
            assertThat(stopping.request("api").outcome().get().problems())
                    .containsExactly("abandoned: the service is stopping");
        } finally {
            logger.removeHandler(recorder);
        }
    }

    /** A reloader whose reloads wait in {@code tasks} until the test runs them. */
    private Reloader reloaderRunningOn(java.util.Deque<Runnable> tasks) {
        RuleSetVerifier verifier = new RuleSetVerifier(Packs.loader(), new ScenarioRunner(evaluator, Clock.systemUTC()),
                StandaloneValidator.get(), rules, policies);
        return new Reloader(verifier, active, Clock.systemUTC(), tasks::add);
    }
}
