package dev.pagerpolicy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unit and API tests run in two lanes (pom.xml): a test class that shares something with the service's app or with
 * the commands says so, or it would run beside the tests it disturbs, and fail only when the two happen to meet.
 */
class TestLanesTest {
    private static final Path TESTS = Path.of("src/test/java/dev/pagerpolicy");

    /** What a test class does, and the annotations of which one it must carry for it. */
    private record Rule(String does, Pattern sign, List<String> annotations) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("starts the service's app", Pattern.compile("@QuarkusTest\\b"), List.of("@ServiceLane")),
            new Rule("listens to the loggers", Pattern.compile("Logger\\.getLogger\\("), List.of("@ServiceLane")),
            new Rule("runs a command", Pattern.compile("Cli\\.run\\(|new CommandsOnACopiedPack\\("),
                    List.of("@ReadsServiceSettings", "@ChangesServiceSettings")),
            new Rule("changes system properties or the standard streams",
                    Pattern.compile("System\\.(setProperty|clearProperty|setErr|setOut)\\(|NoLeakedSettings"),
                    List.of("@ChangesServiceSettings")));

    @Test
    void everyTestClassThatSharesWithTheServiceOrTheCommandsSaysSo() throws IOException {
        List<String> unmarked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Test.java")
                    && !f.endsWith("TestLanesTest.java")).toList()) { // this one names the signs
                String text = Files.readString(file);
                for (Rule rule : RULES) {
                    if (rule.sign().matcher(text).find()
                            && rule.annotations().stream().noneMatch(a -> text.contains("\n" + a + "\n"))) {
                        unmarked.add(TESTS.relativize(file) + " " + rule.does() + " but is not " + String.join(" or ",
                                rule.annotations()));
                    }
                }
            }
        }
        assertThat(unmarked).isEmpty();
    }
}
