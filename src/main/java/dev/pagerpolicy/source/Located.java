package dev.pagerpolicy.source;

/** A value read from a file, with the line where it starts so that later checks can point at it. */
public record Located<T>(T value, String file, int line) {

    public Problem problem(String message) {
        return new Problem(file, line, message);
    }
}
