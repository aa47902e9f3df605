package dev.pagerpolicy.source;

import java.util.List;
import java.util.stream.Collectors;

/** Rules or policies on disk that cannot become a rule set; carries every problem found, not just the first. */
public class InvalidSourceException extends Exception {
    private final List<Problem> problems;

    public InvalidSourceException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
