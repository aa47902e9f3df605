package dev.pagerpolicy.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagerpolicy.alert.AlertInput;
import dev.pagerpolicy.catalog.InputReader;
import dev.pagerpolicy.catalog.LabelMatcher;
import dev.pagerpolicy.catalog.LabelNames;
import dev.pagerpolicy.cli.Cli;
import dev.pagerpolicy.decision.Decision;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.importer.Receivers.Receiver;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.testing.Packs;
import dev.pagerpolicy.testing.ReadsServiceSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code import alertmanager}, with {@code amtool config routes test} as the oracle: for label sets built from the
 * values each tree's matchers name (and values they do not), the imported pack's decision names the receivers amtool
 * names, the first as the target and the rest, in order, as follow-ups. The trees: Alertmanager's example
 * configuration and the tree of its routing tests, written with match/match_re and with matchers, with the label
 * sets of those tests among the label sets sent.
 */
@ReadsServiceSettings
class AlertmanagerImportTest {
    static final Path AMTOOL = Path.of("/usr/bin/amtool");
    static final Path FIXTURES = Path.of("src/test/resources/alertmanager");
    /**
     * Label sets sent per tree: its 17 own (the routing tests' and one reaching each route), then a seeded sample of
     * combinations. Each tree's 17 own sets already draw every answer amtool gives (6 receiver lists per tree, the
     * same 6 as among 120 sets); the sample is there for combinations no route was written for. Each set is an
     * amtool run of about 50 ms of CPU.
     */
    private static final int SAMPLED_LABEL_SETS = 48;
    /** The label sets Alertmanager's own routing tests (dispatch/route_test.go) send through their tree. */
    private static final List<Map<String, String>> ROUTING_TEST_LABEL_SETS = List.of(
            Map.of("owner", "team-A"),
            Map.of("owner", "team-A", "env", "unset"),
            Map.of("owner", "team-C"),
            Map.of("owner", "team-A", "env", "testing"),
            Map.of("owner", "team-A", "env", "production"),
            Map.of("group_by", "role"),
            Map.of("env", "testing", "group_by", "role"),
            Map.of("env", "testing", "group_by", "role", "wait", "long"));
    private static final Instant NIGHT = Instant.parse("2026-11-25T03:00:00Z");

    @ParameterizedTest
    @CsvSource({"simple.yml, simple-receivers.yaml", "route-match.yml, route-receivers.yaml",
            "route-matchers.yml, route-receivers.yaml"})
    void theImportedPackRoutesEveryLabelSetAsAmtoolDoes(String configFile, String receiversFile, @TempDir Path out)
            throws Exception {
        assumeTrue(Files.isExecutable(AMTOOL), "amtool is not installed (apt-get install prometheus-alertmanager;"
                + " .ci/run does): the importer is not compared with Alertmanager's own routing");
        Path config = FIXTURES.resolve(configFile);
        Path receiversPath = FIXTURES.resolve(receiversFile);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"import", "alertmanager", "--config", config.toString(), "--receivers",
                receiversPath.toString(), "--out", out.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report).isZero();
        assertThat(report).contains("imported " + config + " into " + out + ":")
                .containsPattern("scenarios, \\d+ pass").contains("stays in Alertmanager: ");

        RuleSet pack = Packs.load(out.resolve("rules"), out.resolve("policies"));
        Receivers receivers = Receivers.read(receiversPath);
        String fallbackTeam = pack.catalog().fallbackTeam().name();
        Route root = AlertmanagerConfig.read(config).root();
        List<Map<String, String>> labelSets = labelSets(root);
        List<List<String>> amtoolSaid = amtoolForEach(config, labelSets);
        Set<String> everyReceiver = new TreeSet<>();
        root.walk().forEach(route -> everyReceiver.add(route.receiver()));
        Set<String> named = amtoolSaid.stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(named).as("the receivers amtool names for the label sets sent: every one the tree routes to")
                .isEqualTo(everyReceiver);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < labelSets.size(); i++) {
            Map<String, String> labels = labelSets.get(i);
            List<String> amtool = amtoolSaid.get(i).stream()
                    .map(name -> said(receivers.find(name).orElseThrow(), fallbackTeam)).toList();
            List<String> ours = said(decide(pack, labels));
            if (!amtool.equals(ours)) {
                disagreements.add(labels + ": amtool " + amtool + ", imported pack " + ours);
            }
        }
        assertThat(disagreements).as("of %d label sets", labelSets.size()).isEmpty();
    }

    static Decision decide(RuleSet pack, Map<String, String> labels) {
        InputReader.Read read = InputReader.read(AlertInput.ofLabels(null, NIGHT, labels), pack.catalog().inputs(), LabelNames.DEFAULT, NIGHT);
        return Evaluator.withDefaults().evaluate(pack, read.alert(), read.unreadCause("the alert")).decision();
    }

    private static String said(Receiver receiver, String fallbackTeam) {
        return (receiver.team() == null ? fallbackTeam : receiver.team()) + " " + receiver.action().wireName();
    }

    /** The target, then each follow-up: what amtool's list of receivers means. */
    private static List<String> said(Decision decision) {
        List<String> said = new ArrayList<>();
        said.add(decision.target().team() + " " + decision.action().wireName() + (decision.fallback() ? " (fallback)" : ""));
        decision.followUps().forEach(f -> said.add(f.team() + " " + f.action().wireName()));
        return said;
    }

    /**
     * What amtool names for each label set, in their order; several amtool processes at once, since each spends most
     * of its life starting.
     */
    static List<List<String>> amtoolForEach(Path config, List<Map<String, String>> labelSets) throws Exception {
        ExecutorService processes = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> said = new ArrayList<>();
            for (Map<String, String> labels : labelSets) {
                said.add(processes.submit(() -> amtool(config, labels)));
            }
            List<List<String>> answers = new ArrayList<>();
            for (Future<List<String>> answer : said) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            processes.shutdownNow();
        }
    }

    /** What {@code amtool config routes test} names for the labels, in order. */
    static List<String> amtool(Path config, Map<String, String> labels) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AMTOOL.toString(), "config", "routes", "test",
                "--config.file=" + config));
        labels.forEach((name, value) -> command.add(name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // A run lives about 50 ms: Go's collector and its threads for every core cost more than they save
        // (14 % less CPU per run, measured over 300 runs).
        builder.environment().put("GOGC", "off");
        builder.environment().put("GOMAXPROCS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("amtool for %s: %s", labels, output).isZero();
        return Arrays.asList(output.split(","));
    }

    /**
     * Every label the tree names, each absent or with a value its matchers name, a word its regular expressions
     * match, or a value none names: the routes' own label sets first, then a seeded sample of the combinations.
     */
    static List<Map<String, String>> labelSets(Route root) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Route route : root.walk()) {
            for (LabelMatcher m : route.matchers()) {
                Set<String> forLabel = values.computeIfAbsent(m.label(), l -> new TreeSet<>(Set.of("", "other")));
                forLabel.add(m.value().replaceAll("[()^$|.*+\\\\]", ""));
                if (m.operator() == LabelMatcher.Operator.EQUAL || m.operator() == LabelMatcher.Operator.NOT_EQUAL) {
                    forLabel.add(m.value());
                }
            }
        }
        Set<Map<String, String>> sets = new LinkedHashSet<>(ROUTING_TEST_LABEL_SETS);
        for (Route route : root.walk()) {
            ScenarioLabels.reaching(route, root).ifPresent(sets::add);
        }
        Random random = new Random(20261129L);
        List<String> names = new ArrayList<>(values.keySet());
        while (sets.size() < SAMPLED_LABEL_SETS) {
            Map<String, String> labels = new TreeMap<>();
            for (String name : names) {
                List<String> choices = new ArrayList<>(values.get(name));
                String value = choices.get(random.nextInt(choices.size()));
                if (!value.isEmpty()) {
                    labels.put(name, value);
                }
            }
            sets.add(labels);
        }
        return new ArrayList<>(sets);
    }
}
