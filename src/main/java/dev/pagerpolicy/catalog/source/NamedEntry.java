package dev.pagerpolicy.catalog.source;

/** An entry of a policy list, identified by its name. */
public interface NamedEntry {
    String name();
}
