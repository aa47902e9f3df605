package dev.pagerpolicy.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Compiled rule sets on disk, named by {@link RuleCacheKey}: the same rule files compiled by the same build of
 * the service are compiled once, and every later start, reload or {@code check} of them loads the result.
 *
 * <p>The cache holds class files that the service loads and runs, so its directory must be as trusted as the
 * rules directory (it is created readable by its owner only). A cache entry that cannot be read is ignored and
 * replaced: the cache can only ever save time, never change a decision.
 */
public final class RuleCache {
    private static final Logger LOG = Logger.getLogger(RuleCache.class);
    private static final String SUFFIX = ".rules.zip";
    /** An empty file: the gate's invariants held for the inputs whose hash names it. */
    private static final String VERDICT_SUFFIX = ".invariants-held";
    private static final RuleCache DISABLED = new RuleCache(null, 0);
    /** How many compiled units (a rule file, or a whole rule set whose files share declarations) are kept by default. */
    public static final int DEFAULT_MAX_ENTRIES = 500;

    private final Path dir;
    private final int maxEntries;
    private final AtomicReference<String> warned = new AtomicReference<>();

    private RuleCache(Path dir, int maxEntries) {
        this.dir = dir;
        this.maxEntries = maxEntries;
    }

    /** @param maxEntries how many compiled units to keep; the least recently used go first */
    public static RuleCache in(Path dir, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a rule cache keeps at least one entry, not " + maxEntries);
        }
        return new RuleCache(dir, maxEntries);
    }

    public static RuleCache disabled() {
        return DISABLED;
    }

    /** Where the service and the commands keep compiled rules unless told otherwise. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "pager-policy", "compiled-rules");
    }

    Optional<GeneratedRules> get(String key) {
        if (dir == null || !trusted()) {
            return Optional.empty();
        }
        Path entry = dir.resolve(key + SUFFIX);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            GeneratedRules rules = GeneratedRules.fromZip(Files.readAllBytes(entry));
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return Optional.of(rules);
        } catch (IOException e) {
            LOG.warnf("ignoring unreadable compiled rules %s (%s); the rules are compiled again", entry, e.getMessage());
            return Optional.empty();
        }
    }

    void put(String key, GeneratedRules rules) {
        if (dir == null || !trusted()) {
            return;
        }
        try {
            keep(key + SUFFIX, rules.toZip());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot keep compiled rules in %s (%s); they will be compiled again next time", dir, e.getMessage());
        }
    }

    /** Whether the invariants were found to hold for the inputs hashed into {@code key}. */
    public boolean heldBefore(String key) {
        return dir != null && trusted() && Files.isRegularFile(dir.resolve(key + VERDICT_SUFFIX));
    }

    /** Remembers that the invariants hold for the inputs hashed into {@code key}, so that a restart need not check. */
    public void rememberHeld(String key) {
        if (dir == null || !trusted()) {
            return;
        }
        try {
            keep(key + VERDICT_SUFFIX, new byte[0]);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("cannot remember the verdict in %s (%s); the invariants are checked again next time", dir,
                    e.getMessage());
        }
    }

    /** Written aside and moved into place, so that a concurrent reader never sees half an entry. */
    private void keep(String name, byte[] content) throws IOException {
        createPrivateDirectory();
        Path partial = Files.createTempFile(dir, name, ".partial");
        try {
            Files.write(partial, content);
            moveIntoPlace(partial, dir.resolve(name));
        } finally {
            Files.deleteIfExists(partial); // gone already when it was moved; otherwise no use to anyone
        }
        evictBeyondLimit();
    }

    /**
     * Anyone who may write to the directory, or replace it, could plant class files the service would run: such
     * a directory is not used, and the service compiles instead. The warning is given once per distinct problem.
     */
    private boolean trusted() {
        Optional<String> problem = TrustedDirectory.problem(dir);
        problem.ifPresent(why -> {
            if (!why.equals(warned.getAndSet(why))) {
                LOG.warnf("not using the rule cache %s: %s, and it holds code the service runs; rules are compiled"
                        + " instead. Give it to the service's user alone (mode 0700), in directories only that user"
                        + " or root may write to", dir, why);
            }
        });
        return problem.isEmpty();
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system: its default permissions
        }
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void evictBeyondLimit() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            || f.getFileName().toString().endsWith(VERDICT_SUFFIX))
                    .sorted(Comparator.comparing(RuleCache::lastModified).reversed())
                    .toList();
        }
        for (Path stale : entries.subList(Math.min(maxEntries, entries.size()), entries.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // deleted meanwhile: first to go
        }
    }

    @Override
    public String toString() {
        return dir == null ? "disabled" : dir.toString();
    }
}
