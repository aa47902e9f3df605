package dev.pagerpolicy.scenario;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.YamlFile;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.yaml} / {@code *.yml} scenario file of a directory, in path order. */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** @return the scenarios; an absent directory holds none (whether that is an error is the caller's call) */
    public static List<Located<Scenario>> load(Path dir, Validator validator) throws InvalidSourceException {
        List<Problem> problems = new ArrayList<>();
        List<Located<Scenario>> scenarios = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return scenarios;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(ScenarioLoader::isYaml).sorted(Comparator.naturalOrder()).toList()) {
                for (Located<Scenario> scenario : new YamlFile(file, Files.readAllBytes(file), problems).readList(Scenario.class, "scenario")) {
                    validator.validate(scenario.value()).forEach(v -> problems.add(scenario.problem(
                            "scenario \"" + scenario.value().name() + "\": field \"" + v.getPropertyPath() + "\" "
                                    + v.getMessage())));
                    scenarios.add(scenario);
                }
            }
        } catch (IOException e) {
            problems.add(Problem.inFile(dir.toString(), "cannot read scenarios: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return scenarios;
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
