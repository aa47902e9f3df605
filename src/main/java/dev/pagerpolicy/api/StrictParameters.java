package dev.pagerpolicy.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads whole-number and yes-or-no parameters ({@code ?limit=20}, {@code ?wait=true}) so that a value that is
 * neither is answered 400 naming the parameter. Jakarta REST's own conversion makes a number that does not parse a
 * 404 with no body (the spec requires it for {@code @QueryParam} and {@code @PathParam}), which tells a caller
 * nothing, and reads any word but {@code true} as false, so that {@code ?wait=yes} would not wait (a yes-or-no
 * parameter is declared {@code Boolean}, absent as null). The spec answers a {@code WebApplicationException} thrown
 * while converting as it is, which is why the converters throw one carrying the whole problem.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {
    static final String NOT_A_WHOLE_NUMBER = "must be a whole number";
    static final String NOT_TRUE_OR_FALSE = "must be true or false";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = RequestParameters.nameIn(annotations).orElse(null);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, NOT_A_WHOLE_NUMBER, value -> Integer.valueOf(value.strip()));
        }
        // Boxed only: the runtime hands an absent primitive parameter its default as "0", which is no yes or no.
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, NOT_TRUE_OR_FALSE, StrictParameters::trueOrFalse);
        }
        return null;
    }

    private static Boolean trueOrFalse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** Reads a parameter's value, or answers 400 naming the parameter. */
    private record Strict<V>(String name, String expected, Function<String, V> read) implements ParamConverter<V> {
        @Override
        public V fromString(String value) {
            if (value == null || value.isBlank()) {
                return null; // not given: the parameter's default
            }
            try {
                return read.apply(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(Problem.invalidField(new Problem.FieldError(name, expected)));
            }
        }

        @Override
        public String toString(V value) {
            return String.valueOf(value);
        }
    }
}
