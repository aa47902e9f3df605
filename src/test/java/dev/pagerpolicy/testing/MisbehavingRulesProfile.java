package dev.pagerpolicy.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped pack plus a rule file whose rules misbehave only for alerts labelled {@code mood}, so that the
 * shipped scenarios still pass the start-up gate; a small memory budget for the recent decisions; small
 * connection limits, so that idle and surplus connections are seen to be closed within seconds; the decision log
 * written by its own thread to a file under target/; and the file watcher on. One profile for all of them, since each
 * Quarkus profile costs the suite a build and a start of the application.
 */
public class MisbehavingRulesProfile implements QuarkusTestProfile {
    public static final long RECENT_MAX_BYTES = 4 * 1024 * 1024;
    public static final long RESPONSE_MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_CONNECTIONS = 64;
    public static final Path DECISION_LOG = Path.of("target", "decision-log-test", "decisions.log");
    /** Giving this logger a level stops the rule that spins. */
    public static final String SPIN_STOP = "pager-policy.test.spin-stop";

    /** Rules that misbehave for alerts labelled {@code mood}: recursive, spinning (in plain Java) or greedy. */
    public static final String RULES = """
            package misbehaving

            import dev.pagerpolicy.alert.Alert
            import dev.pagerpolicy.decision.DecisionDraft

            rule "Recurses without end"
            salience 100
            when
                Alert( label("mood") == "recursive" )
                $draft : DecisionDraft()
            then
                // An operator that calls itself, not a function: a file declaring a function is compiled with every
                // other file of its rule set, and the shipped files could then not be loaded as compiled before.
                java.util.function.IntUnaryOperator depth = new java.util.function.IntUnaryOperator() {
                    public int applyAsInt(int n) {
                        return 1 + applyAsInt(n + 1);
                    }
                };
                $draft.recommend("depth " + depth.applyAsInt(0), "noted");
            end

            rule "Spins in plain Java"
            salience 100
            when
                Alert( label("mood") == "spinning" )
                $draft : DecisionDraft()
            then
                // Deaf to interrupts and halts, as plain Java code is; stopped by the test giving the logger
                // SPIN_STOP a level (or after a minute).
                java.time.Instant end = java.time.Instant.now().plusSeconds(60);
                while (java.time.Instant.now().isBefore(end)
                        && java.util.logging.Logger.getLogger("pager-policy.test.spin-stop").getLevel() == null) {
                }
                $draft.recommend("spun", "noted");
            end

            rule "Runs out of memory"
            salience 100
            when
                Alert( label("mood") == "greedy" )
                $draft : DecisionDraft()
            then
                throw new OutOfMemoryError("Java heap space");
            end
            """;

    /**
     * Adds the misbehaving rules to a pack, without its invariants: the gate would explore alerts labelled with each
     * mood the rules compare, and stop on the greedy one's error (or wait out the spinning one) before the tests
     * could send them.
     */
    public static void addTo(Path pack) {
        Packs.write(pack.resolve("rules/misbehaving.drl"), RULES);
        try {
            Files.deleteIfExists(pack.resolve("rules/tests/invariants.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir;

    /** The directory holding {@code rules/} and {@code policies/} for the running app, which the watcher watches. */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = Packs.shippedCopy("pager-policy-misbehaving");
            addTo(dir);
        }
        return dir;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "pager-policy.decision-log.destination", "file",
                "pager-policy.decision-log.file", DECISION_LOG.toString(),
                "pager-policy.rules-dir", dir().resolve("rules").toString(),
                "pager-policy.policies-dir", dir().resolve("policies").toString(),
                "pager-policy.recent-decisions.max-bytes", String.valueOf(RECENT_MAX_BYTES),
                "pager-policy.recent-decisions.max-response-bytes", String.valueOf(RESPONSE_MAX_BYTES),
                "quarkus.http.idle-timeout", "1s",
                "quarkus.http.limits.max-connections", String.valueOf(MAX_CONNECTIONS),
                "pager-policy.watch.enabled", "true",
                "pager-policy.watch.debounce", "200ms");
    }
}
