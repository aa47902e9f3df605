package dev.pagerpolicy.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Field errors in the caller's terms: each names the field by the JSON name the caller sent (never a Java
 * path) and says what is wrong with it.
 */
final class FieldErrors {
    /** The field name used when the body as a whole is wrong. */
    static final String BODY = "body";

    private FieldErrors() {
    }

    static List<Problem.FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    static Problem.FieldError of(JsonMappingException e) {
        String field = FieldPaths.of(e);
        return field.isEmpty()
                ? new Problem.FieldError(BODY, "must be a JSON object")
                : new Problem.FieldError(field, JsonMessages.describe(e));
    }

    /** Names fields by the JSON names the caller sent, e.g. {@code labels[team]}, never by Java method paths. */
    private static final class FieldPaths {
        private FieldPaths() {
        }

        static String of(ConstraintViolation<?> violation) {
            StringBuilder field = new StringBuilder();
            int depth = 0;
            Path.MethodNode method = null;
            Path.ParameterNode parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                depth++;
                // The first two nodes are the resource method and its parameter.
                if (depth <= 2 && node.getKind() == ElementKind.METHOD) {
                    method = node.as(Path.MethodNode.class);
                    continue;
                }
                if (depth <= 2 && node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.as(Path.ParameterNode.class);
                    continue;
                }
                if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                    // A map's entry is named by its key, a list's element by its place.
                    field.append('[').append(node.getKey() != null ? node.getKey() : node.getIndex()).append(']');
                } else if (node.getName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
            if (field.isEmpty() && method != null && parameter != null) {
                // A query, path or header parameter is named as the caller sent it; the body has no name.
                return RequestParameters.nameOf(violation.getRootBeanClass(), method.getName(),
                        method.getParameterTypes(), parameter.getParameterIndex()).orElse(BODY);
            }
            return field.isEmpty() ? BODY : field.toString();
        }

        static String of(JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!field.isEmpty() && !(ref.getFrom() instanceof Map)) {
                        field.append('.');
                    }
                    field.append(ref.getFrom() instanceof Map ? "[" + ref.getFieldName() + "]" : ref.getFieldName());
                } else {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return field.toString();
        }
    }

    /** Explains a type mistake in the caller's terms. */
    private static final class JsonMessages {
        private JsonMessages() {
        }

        static String describe(JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                return iae.getMessage();
            }
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            if (target == Instant.class) {
                return "must be an ISO-8601 instant such as 2026-11-25T03:00:00Z";
            }
            if (target != null && (Number.class.isAssignableFrom(target) || target == double.class)) {
                return "must be a number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (target != null && Map.class.isAssignableFrom(target)) {
                return "must be a JSON object";
            }
            if (target != null && target.isEnum()) {
                return "must be a string";
            }
            if (e instanceof InvalidFormatException) {
                return "has the wrong format";
            }
            return "has the wrong type";
        }
    }
}
