package dev.pagerpolicy.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagerpolicy.cli.Cli;
import dev.pagerpolicy.decision.Action;
import dev.pagerpolicy.forward.Copies;
import dev.pagerpolicy.forward.PostableAlert;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.ReadsServiceSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A migration, proved with Alertmanager's own tools: {@code import alertmanager} makes the pack,
 * {@code alertmanager-config} the configuration that delivers its decisions, and for every label set the receivers
 * Alertmanager gives the copies pager-policy forwards (on the generated configuration) are the receivers
 * {@code amtool config routes test} gives the label set on the original tree, receivers that reach nobody aside.
 */
@ReadsServiceSettings
class DeliveringConfigTest {
    /** The routes' own label sets and a sample: each set is an amtool run per copy and one on the original. */
    private static final int LABEL_SETS = 24;

    private static String run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String said = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isZero();
        return said;
    }

    @ParameterizedTest
    @CsvSource({"simple.yml, simple-receivers.yaml", "route-match.yml, route-receivers.yaml",
            "route-matchers.yml, route-receivers.yaml"})
    void theForwardedCopiesReachTheReceiversTheOriginalTreeNames(String configFile, String receiversFile,
                                                               @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(AlertmanagerImportTest.AMTOOL), "amtool is not installed (apt-get install"
                + " prometheus-alertmanager; .ci/run does)");
        Path original = AlertmanagerImportTest.FIXTURES.resolve(configFile);
        Path receiversFilePath = AlertmanagerImportTest.FIXTURES.resolve(receiversFile);
        Path generated = dir.resolve("delivering.yml");
        run("import", "alertmanager", "--config", original.toString(), "--receivers", receiversFilePath.toString(),
                "--out", dir.resolve("pack").toString());
        String said = run("alertmanager-config", "--receivers", receiversFilePath.toString(), "--config",
                original.toString(), "--out", generated.toString());
        assertThat(said).contains("wrote " + generated + ": ").contains(" routes by decision (pp_team, pp_action)");
        assertThat(checkConfig(generated)).as("amtool check-config").isZero();

        RuleSet pack = Packs.load(dir.resolve("pack/rules"), dir.resolve("pack/policies"));
        Receivers receivers = Receivers.read(receiversFilePath);
        List<Map<String, String>> labelSets = AlertmanagerImportTest.labelSets(AlertmanagerConfig.read(original).root())
                .subList(0, LABEL_SETS);
        List<List<String>> originalSaid = AlertmanagerImportTest.amtoolForEach(original, labelSets);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < labelSets.size(); i++) {
            List<String> expected = originalSaid.get(i).stream()
                    .filter(name -> receivers.find(name).orElseThrow().action() != Action.IGNORE).toList();
            PostableAlert alert = new PostableAlert(labelSets.get(i), Map.of(), Instant.now(), null, null);
            List<Map<String, String>> copies = Copies.of(alert, AlertmanagerImportTest.decide(pack, labelSets.get(i)))
                    .stream().map(copy -> copy.alert().labels()).toList();
            List<String> delivered = new ArrayList<>();
            for (List<String> answer : AlertmanagerImportTest.amtoolForEach(generated, copies)) {
                delivered.addAll(answer);
            }
            if (!delivered.equals(expected)) {
                disagreements.add(labelSets.get(i) + ": original tree " + expected + ", forwarded copies " + delivered);
            }
        }
        assertThat(disagreements).as("of %d label sets", labelSets.size()).isEmpty();
    }

    @Test
    void whatIsKeptAndWhatAlertsWithoutADecisionStillGoThrough(@TempDir Path dir) throws Exception {
        Path generated = dir.resolve("delivering.yml");
        run("alertmanager-config", "--receivers", AlertmanagerImportTest.FIXTURES.resolve("simple-receivers.yaml")
                .toString(), "--config", AlertmanagerImportTest.FIXTURES.resolve("simple.yml").toString(), "--out",
                generated.toString());
        String yaml = Files.readString(generated);

        assertThat(yaml).contains("smtp_smarthost: localhost:25").contains("inhibit_rules:")
                .contains("- pp_team=\"team-x\"").contains("- pp_action=\"page\"").contains("- pp_action=\"\"");
        if (Files.isExecutable(AlertmanagerImportTest.AMTOOL)) {
            // An alert Prometheus sent straight to Alertmanager, without a decision, routes as it did.
            Map<String, String> straight = new LinkedHashMap<>(Map.of("service", "files", "severity", "critical"));
            assertThat(AlertmanagerImportTest.amtool(generated, straight)).containsExactly("team-Y-pager");
        }
    }

    @Test
    void receiversThatMeanTheSameDecisionOrThatTheOriginalLacksAreRefusedWithTheirLines(@TempDir Path dir)
            throws Exception {
        Path receivers = Files.writeString(dir.resolve("receivers.yaml"), """
                receivers:
                  team-X-pager: {team: team-x, action: page}
                  team-X-phone: {team: team-x, action: page}
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"alertmanager-config", "--receivers", receivers.toString(), "--config",
                AlertmanagerImportTest.FIXTURES.resolve("simple.yml").toString(), "--out",
                dir.resolve("out.yml").toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "receivers.yaml:3: receiver \"team-X-phone\" is not a receiver of simple.yml",
                "receivers.yaml:3: receivers \"team-X-pager\" (line 2) and \"team-X-phone\" both mean team-x page: a"
                        + " forwarded copy could not tell which to reach",
                "2 problems; nothing written");
        assertThat(dir.resolve("out.yml")).doesNotExist();
    }

    private static int checkConfig(Path config) throws Exception {
        Process check = new ProcessBuilder(AlertmanagerImportTest.AMTOOL.toString(), "check-config", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        if (check.exitValue() != 0) {
            System.err.println(output);
        }
        return check.exitValue();
    }
}
