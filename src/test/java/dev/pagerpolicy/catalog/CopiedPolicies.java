package dev.pagerpolicy.catalog;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests of policy validation start from a copy of the shipped policies, break it, and read the problems. */
abstract class CopiedPolicies {
    @TempDir
    Path dir;
    Path policies;

    @BeforeEach
    void copyShippedPolicies() {
        Packs.copyShipped(dir);
        policies = dir.resolve("policies");
    }

    /** Every problem loading the copied policies reports, as {@code FILE:LINE: message}. */
    List<String> problems() {
        InvalidSourceException e = assertThrows(InvalidSourceException.class,
                () -> CatalogLoader.load(policies, StandaloneValidator.get()));
        return e.problems().stream().map(Object::toString).toList();
    }

    String file(String name) {
        return policies.resolve(name).toString();
    }
}
