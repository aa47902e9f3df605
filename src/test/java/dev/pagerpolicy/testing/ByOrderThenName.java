package dev.pagerpolicy.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order test classes start in, within the order Quarkus sets (its own tests first, grouped by profile): those with
 * an {@link Order} first, by it, then the others by name, as Quarkus orders them by default. A class that mostly waits
 * carries an {@code @Order}, so that its waits overlap with the work of others instead of ending the run alone.
 */
public class ByOrderThenName implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor c) -> c.findAnnotation(Order.class).map(Order::value)
                        .orElse(Order.DEFAULT))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
