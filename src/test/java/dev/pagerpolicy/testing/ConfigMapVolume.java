package dev.pagerpolicy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory laid out as Kubernetes mounts a ConfigMap: the files live in a hidden timestamped directory,
 * {@code ..data} links to it, and every top-level entry is a link through {@code ..data}. An update writes a new
 * timestamped directory, points a new link at it, renames that link over {@code ..data} (atomic), and deletes the
 * old directory.
 */
public final class ConfigMapVolume {
    private final Path mount;
    private int generation;

    public ConfigMapVolume(Path mount) {
        this.mount = mount;
    }

    /** Makes the volume hold a copy of {@code source}, as the kubelet does on every update of the ConfigMap. */
    public void project(Path source) {
        try {
            Files.createDirectories(mount);
            Path previous = Files.isSymbolicLink(mount.resolve("..data")) ? Files.readSymbolicLink(mount.resolve("..data")) : null;
            String timestamped = "..2026_11_27_10_00_0" + generation++ + ".000000001";
            Packs.copyTree(source, mount.resolve(timestamped));
            Path newLink = mount.resolve("..data_tmp");
            Files.createSymbolicLink(newLink, Path.of(timestamped));
            Files.move(newLink, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> entries = Files.list(source)) {
                for (Path entry : entries.toList()) {
                    Path link = mount.resolve(entry.getFileName().toString());
                    if (!Files.isSymbolicLink(link)) {
                        Files.createSymbolicLink(link, Path.of("..data").resolve(entry.getFileName().toString()));
                    }
                }
            }
            if (previous != null) {
                deleteTree(mount.resolve(previous));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public List<Path> topLevel() throws IOException {
        try (Stream<Path> entries = Files.list(mount)) {
            return entries.sorted().toList();
        }
    }
}
