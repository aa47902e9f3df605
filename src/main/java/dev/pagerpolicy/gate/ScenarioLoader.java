package dev.pagerpolicy.gate;

import dev.pagerpolicy.domain.DomainSpec;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every {@code *.yaml} / {@code *.yml} scenario file of a directory, in path order, except the two files
 * that describe the whole domain rather than cases of it: {@value #DOMAIN_FILE} and {@value #INVARIANTS_FILE}.
 */
public final class ScenarioLoader {
    /** The label and signal values worth exploring (read by the explore stage). */
    public static final String DOMAIN_FILE = DomainSpec.FILE;
    /** What must hold for every alert of the domain (read by the explore stage). */
    public static final String INVARIANTS_FILE = "invariants.yaml";

    private ScenarioLoader() {
    }

    /** @return the scenarios; an absent directory holds none (whether that is an error is the caller's call) */
    public static List<Located<Scenario>> load(Path dir, Validator validator) throws InvalidSourceException {
        List<Problem> problems = new ArrayList<>();
        List<Located<Scenario>> scenarios = new ArrayList<>();
        Map<String, Located<Scenario>> byName = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return scenarios;
        }
        try {
            for (Path file : SourceFiles.find(dir, ScenarioLoader::isScenarioFile)) {
                for (Located<Scenario> scenario : new YamlFile(file, Files.readAllBytes(file), problems).readList(Scenario.class, "scenario")) {
                    validator.validate(scenario.value()).forEach(v -> problems.add(scenario.problem(
                            "scenario \"" + scenario.value().name() + "\": field \"" + v.getPropertyPath() + "\" "
                                    + v.getMessage())));
                    checkMeaningful(scenario, problems);
                    Located<Scenario> first = byName.putIfAbsent(scenario.value().name(), scenario);
                    if (first != null) {
                        problems.add(scenario.problem("scenario \"" + scenario.value().name()
                                + "\" is already defined at " + first.file() + ":" + first.line()));
                    }
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

    private static boolean isScenarioFile(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.equals(DOMAIN_FILE)
                && !name.equals(INVARIANTS_FILE);
    }

    /**
     * A scenario must be able to fail, and to give the same answer whenever it runs: a failure report names
     * which scenario, so names are unique too.
     */
    private static void checkMeaningful(Located<Scenario> located, List<Problem> problems) {
        Scenario scenario = located.value();
        if (scenario.expect() != null && scenario.expect().isEmpty()) {
            problems.add(located.problem("scenario \"" + scenario.name() + "\": expect states nothing to check"));
        }
        if (scenario.at() == null && (scenario.alert() == null || scenario.alert().firedAt() == null)) {
            problems.add(located.problem("scenario \"" + scenario.name() + "\": state its clock with \"at\" or"
                    + " \"alert.firedAt\", so that it gives the same answer at noon and at 3 a.m."));
        }
    }
}
