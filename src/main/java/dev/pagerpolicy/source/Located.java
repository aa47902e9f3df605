package dev.pagerpolicy.source;

import java.util.Map;

/**
 * A value read from a file, with the line where it starts, and the line of each of its fields, so that later checks
 * can point at the field that is wrong rather than at the entry that holds it.
 *
 * @param fieldLines the line of each top-level field of the value, as written; may lack any
 */
public record Located<T>(T value, String file, int line, Map<String, Integer> fieldLines) {

    public Located {
        fieldLines = Map.copyOf(fieldLines);
    }

    public Located(T value, String file, int line) {
        this(value, file, line, Map.of());
    }

    /** The same place, holding another value (read from this one). */
    public <U> Located<U> holding(U other) {
        return new Located<>(other, file, line, fieldLines);
    }

    public Problem problem(String message) {
        return new Problem(file, line, message);
    }

    /** The same value, placed at the line of {@code field} (or left where it is when the field was not written). */
    public Located<T> at(String field) {
        return new Located<>(value, file, field == null ? line : fieldLines.getOrDefault(field, line), fieldLines);
    }
}
