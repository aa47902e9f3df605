package dev.pagerpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.cli.CommandsOnACopiedPack.Run;
import dev.pagerpolicy.testing.ChangesServiceSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands read the service's settings as the service does (system properties here), and warn on standard error.
 * These tests set a system property the service and every command would read, or the JVM's error stream.
 */
@ChangesServiceSettings
class CommandSettingsTest {
    @TempDir
    Path dir;
    private CommandsOnACopiedPack commands;

    @BeforeEach
    void copyShipped() {
        commands = new CommandsOnACopiedPack(dir);
    }

    private Run run(String... args) {
        return commands.run(args);
    }

    @Test
    void aRuleCacheThatCannotBeWrittenIsAWarningOnStandardErrorNotAFailure() throws Exception {
        Path notADirectory = dir.resolve("file");
        java.nio.file.Files.writeString(notADirectory, "");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        Run run;
        try {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            run = run("check", "--rule-cache", notADirectory.resolve("cache").toString());
        } finally {
            System.setErr(standardError);
        }
        assertThat(run.exitCode()).isZero();
        // A line of its own: tests in the other lane may print to the same stream meanwhile.
        assertThat(errors.toString(StandardCharsets.UTF_8).lines()).anySatisfy(line -> assertThat(line)
                .startsWith("warn: cannot keep compiled rules in " + notADirectory.resolve("cache"))
                .contains("they will be compiled again next time"));
    }

    @Test
    void testReadsTheServicesConfigurationAsTheServiceDoes() {
        // As the service would read -Dpager-policy.max-rule-firings=2, or PAGER_POLICY_MAX_RULE_FIRINGS=2.
        withSystemProperty("pager-policy.max-rule-firings", "2", () -> {
            Run run = run("test");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("FAIL ")
                    .contains("got the fallback: the rules fired 2 times without settling"));
            assertThat(run("test", "--max-rule-firings", "1000").exitCode()).as("an option overrides it").isZero();
        });
    }

    @Test
    void aConfigurationTheServiceWouldRefuseIsAUsageError() {
        withSystemProperty("pager-policy.evaluation-time-limit", "soon", () -> {
            Run run = run("check");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.lines().get(0)).startsWith("error: the service's configuration (environment, -D or"
                    + " application.properties) is not valid: ").contains("pager-policy.evaluation-time-limit");
        });
    }

    /** Runs {@code test} with a system property set, as {@code -D} sets it, and takes it away after. */
    private static void withSystemProperty(String name, String value, Runnable test) {
        System.setProperty(name, value);
        try {
            test.run();
        } finally {
            System.clearProperty(name);
        }
    }
}
