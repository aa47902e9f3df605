package dev.pagerpolicy.source;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a rules or policies directory, as an author means them. Hidden entries (names starting with a
 * dot) are skipped: Kubernetes mounts a ConfigMap as links into a hidden {@code ..<timestamp>} directory
 * reached through {@code ..data}, and editors leave hidden swap and backup files. Links are followed, since
 * every file of such a mount is one.
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /** Regular files under {@code dir} whose names {@code accept}, in path order so that builds are reproducible. */
    public static List<Path> find(Path dir, Predicate<String> accept) throws IOException {
        try (Stream<Path> paths = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(path -> !isHidden(dir.relativize(path)))
                    .filter(path -> accept.test(path.getFileName().toString()) && Files.isRegularFile(path))
                    .sorted()
                    .toList();
        }
    }

    /** Whether any part of a relative path is hidden. */
    public static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
