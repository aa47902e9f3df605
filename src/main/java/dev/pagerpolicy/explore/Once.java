package dev.pagerpolicy.explore;

import java.util.function.Supplier;

/** A value computed by the first to ask for it; the others wait for it and share it. */
public final class Once<T> {
    private T value;

    public synchronized T get(Supplier<T> compute) {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
