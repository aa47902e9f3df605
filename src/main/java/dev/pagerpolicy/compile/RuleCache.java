package dev.pagerpolicy.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        Optional<Path> entry = trustedEntry(key + SUFFIX);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] zipped;
            try (InputStream in = Files.newInputStream(entry.get(), LinkOption.NOFOLLOW_LINKS)) {
                zipped = in.readAllBytes();
            }
            GeneratedRules rules = GeneratedRules.fromZip(zipped);
            markUsed(entry.get());
            return Optional.of(rules);
        } catch (IOException e) {
            LOG.warnf("ignoring unreadable compiled rules %s (%s); the rules are compiled again", entry.get(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    void put(String key, GeneratedRules rules) {
        if (dir == null) {
            return;
        }
        try {
            keep(key + SUFFIX, rules.toZip());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot keep compiled rules in %s (%s); they will be compiled again next time", dir, e.getMessage());
        }
    }

    /**
     * The verdict remembered for the inputs hashed into {@code key}, as {@link #rememberHeld} was given it; empty when
     * none is remembered (or it cannot be trusted, or read).
     */
    public Optional<byte[]> verdictHeldBefore(String key) {
        return trustedEntry(key + VERDICT_SUFFIX).flatMap(entry -> {
            try {
                return Optional.of(Files.readAllBytes(entry));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Remembers that the invariants hold for the inputs hashed into {@code key}, with what was found (counts,
     * inconclusive alerts), so that a restart need not check and can still say what the check found.
     */
    public void rememberHeld(String key, byte[] verdict) {
        if (dir == null) {
            return;
        }
        try {
            keep(key + VERDICT_SUFFIX, verdict);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("cannot remember the verdict in %s (%s); the invariants are checked again next time", dir,
                    e.getMessage());
        }
    }

    /**
     * An entry to read: in a directory that existed and was trusted when judged (an absent one is never read, since
     * whatever is renamed into its name a moment later was not judged), itself a regular file that only its owner,
     * this service's user or root, may write.
     */
    private Optional<Path> trustedEntry(String name) {
        if (dir == null) {
            return Optional.empty();
        }
        TrustedDirectory.Judgement judged = judgedDirectory();
        if (!judged.trusted() || !judged.exists()) {
            return Optional.empty();
        }
        Path entry = judged.realPath().resolve(name);
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Optional<String> problem = TrustedDirectory.fileProblem(entry);
        problem.ifPresent(why -> warnOnce("not using the rule cache's entry " + entry + ": " + why + "; the cache holds"
                + " code the service runs, so only the service's user or root may write its entries"));
        return problem.isEmpty() ? Optional.of(entry) : Optional.empty();
    }

    /**
     * Written aside and moved into place, so that a concurrent reader never sees half an entry; into the directory
     * as judged after it was created, never into a path that was only spelled.
     */
    private void keep(String name, byte[] content) throws IOException {
        TrustedDirectory.Judgement judged = judgedDirectory();
        if (judged.trusted() && !judged.exists()) {
            createPrivateDirectory(judged.realPath());
            judged = judgedDirectory();
        }
        if (!judged.trusted() || !judged.exists()) {
            return;
        }
        Path into = judged.realPath();
        Path partial = Files.createTempFile(into, name, ".partial");
        try {
            Files.write(partial, content);
            moveIntoPlace(partial, into.resolve(name));
        } finally {
            Files.deleteIfExists(partial); // gone already when it was moved; otherwise no use to anyone
        }
        evictBeyondLimit(into);
    }

    /**
     * Anyone who may write to the directory, or replace it, could plant class files the service would run: such
     * a directory is not used, and the service compiles instead. The warning is given once per distinct problem.
     */
    private TrustedDirectory.Judgement judgedDirectory() {
        TrustedDirectory.Judgement judged = TrustedDirectory.judge(dir);
        judged.problem().ifPresent(why -> warnOnce("not using the rule cache " + dir + ": " + why + ", and it holds"
                + " code the service runs; rules are compiled instead. Give it to the service's user alone (mode 0700),"
                + " in directories only that user or root may write to"));
        return judged;
    }

    private void warnOnce(String warning) {
        if (!warning.equals(warned.getAndSet(warning))) {
            LOG.warn(warning);
        }
    }

    /**
     * Least recently used goes first. An entry that can be read but not touched (a cache baked into an image,
     * owned by root, read by the service's own user) is still used: its age only matters to the eviction of a cache
     * the service may write.
     */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debugf("cannot mark %s as used (%s)", entry, e.getMessage());
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
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

    private void evictBeyondLimit(Path into) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(into)) {
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
