package dev.pagerpolicy.api;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The name a caller gives a resource method's parameter: {@code limit} of {@code ?limit=20}, never its Java name. */
final class RequestParameters {
    private RequestParameters() {
    }

    /** The parameter's name in the request, if its annotations bind it to a query, path, header, form or cookie. */
    static Optional<String> nameIn(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return Optional.of(query.value());
            }
            if (annotation instanceof PathParam path) {
                return Optional.of(path.value());
            }
            if (annotation instanceof HeaderParam header) {
                return Optional.of(header.value());
            }
            if (annotation instanceof FormParam form) {
                return Optional.of(form.value());
            }
            if (annotation instanceof CookieParam cookie) {
                return Optional.of(cookie.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The request name of parameter {@code index} of the method {@code name(parameterTypes)} of {@code resource} or
     * the class it extends (the container may run a subclass of the resource, whose methods carry no annotations).
     */
    static Optional<String> nameOf(Class<?> resource, String name, List<Class<?>> parameterTypes, int index) {
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            Optional<Method> method = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && Arrays.asList(m.getParameterTypes()).equals(parameterTypes))
                    .findFirst();
            Optional<String> bound = method.flatMap(m -> nameIn(m.getParameterAnnotations()[index]));
            if (bound.isPresent()) {
                return bound;
            }
        }
        return Optional.empty();
    }
}
