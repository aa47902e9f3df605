package dev.pagerpolicy.scenario;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.SourceFiles;
import dev.pagerpolicy.source.YamlFile;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        try {
            for (Path file : SourceFiles.find(dir, name -> name.endsWith(".yaml") || name.endsWith(".yml"))) {
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
}
