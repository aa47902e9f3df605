package dev.pagerpolicy.domain;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import dev.pagerpolicy.source.YamlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the author adds to the domain in {@value #FILE} beside the scenarios: label and signal values worth
 * exploring (each also explored absent), and optionally another reference week.
 *
 * @param week a Monday; default {@link Week#DEFAULT_MONDAY}
 */
public record DomainSpec(Map<String, List<String>> labels, Map<String, List<Double>> signals, LocalDate week) {
    /** Its file in the scenarios directory, beside the scenarios (which are the other YAML files there). */
    public static final String FILE = "domain.yaml";
    public static final DomainSpec NONE = new DomainSpec(null, null, null);

    public DomainSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        signals = signals == null ? Map.of() : Map.copyOf(signals);
        week = week == null ? Week.DEFAULT_MONDAY : week;
    }

    /** The spec in {@code scenariosDir}, or {@link #NONE} when there is no such file. */
    public static DomainSpec load(Path scenariosDir) throws InvalidSourceException {
        Path file = scenariosDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        List<Problem> problems = new ArrayList<>();
        try {
            Optional<Located<DomainSpec>> spec = new YamlFile(file, Files.readAllBytes(file), problems)
                    .readObject(DomainSpec.class);
            spec.ifPresent(located -> check(located, problems));
            if (problems.isEmpty() && spec.isPresent()) {
                return spec.get().value();
            }
        } catch (IOException e) {
            problems.add(Problem.inFile(file.toString(), "cannot read: " + e.getMessage()));
        }
        throw new InvalidSourceException(problems);
    }

    /**
     * The most combinations of label and signal values explored. Each multiplies the whole domain (every service,
     * kind, severity and time of the week): 1,024 turn the shipped pack's 383,600 classes into 393 million.
     */
    static final long MAX_COMBINATIONS = 1024;

    /** How many choices of label and signal values the domain holds: each value of each name, or the name absent. */
    long combinations() {
        long product = 1;
        for (List<?> values : factors()) {
            try {
                product = Math.multiplyExact(product, values.size() + 1L);
            } catch (ArithmeticException beyondLong) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    private List<List<?>> factors() {
        List<List<?>> factors = new ArrayList<>();
        labels.keySet().stream().sorted().forEach(name -> factors.add(labels.get(name) == null ? List.of() : labels.get(name)));
        signals.keySet().stream().sorted().forEach(name -> factors.add(signals.get(name) == null ? List.of() : signals.get(name)));
        return factors;
    }

    private static void check(Located<DomainSpec> located, List<Problem> problems) {
        DomainSpec spec = located.value();
        long combinations = spec.combinations();
        if (combinations > MAX_COMBINATIONS) {
            problems.add(located.problem("the labels and signals here make " + combinations + " combinations (each value,"
                    + " and absent: " + String.join(" × ", spec.factors().stream().map(v -> String.valueOf(v.size() + 1))
                    .toList()) + "), each explored for every service, kind, severity and time of the week; at most "
                    + MAX_COMBINATIONS + " are explored: list fewer values"));
        }
        if (spec.week().getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            problems.add(located.problem("week: " + spec.week() + " is not a Monday"));
        }
        spec.labels().forEach((name, values) -> {
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null)) {
                problems.add(located.problem("labels." + name + ": list the values worth exploring"));
            }
        });
        spec.signals().forEach((name, values) -> {
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                problems.add(located.problem("signals." + name + ": list the finite values worth exploring"));
            }
        });
    }
}
