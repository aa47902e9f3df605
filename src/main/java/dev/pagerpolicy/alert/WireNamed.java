package dev.pagerpolicy.alert;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum whose constants are written in lower case on the wire and in files ({@code model_drift},
 * {@code ml-engineer}). Parsing fails with a message that lists every allowed value, because that is what a
 * caller or policy author needs to fix the input.
 */
public interface WireNamed {
    String wireName();

    static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of " + allowed(type));
    }

    static <E extends Enum<E> & WireNamed> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", "));
    }
}
