package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rule cache against a second local user: a directory of planted entries must never be read, whether
 * it is renamed into the cache's name while the service looks, reached through a link and {@code ..}, or written
 * into an entry that others may overwrite. The planted entry here holds real compiled rules, so reading it at all
 * would be loading the stranger's code.
 */
class RuleCacheTrustTest {
    private static final int STRANGER = 4242;
    private static final String RULE = """
            package rules

            rule "A planted rule"
            when
                eval(false)
            then
            end
            """;

    @TempDir
    Path dir;
    String key;
    Path compiledEntry;

    @BeforeEach
    void compileOneEntry() throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("planted.drl"), RULE);
        List<RuleFile> files = RuleSetLoader.readRuleFiles(rules, new TreeMap<>(), new ArrayList<>());
        Path scratch = dir.resolve("scratch");
        new RuleCompiler(RuleCache.in(scratch, 5)).compile(files);
        key = RuleCacheKey.of(files).orElseThrow();
        compiledEntry = scratch.resolve(key + ".rules.zip");
        assertThat(compiledEntry).isRegularFile();
    }

    private static void requireRoot() {
        assumeTrue(new UnixSystem().getUid() == 0, "acting as a second user needs root");
    }

    /** A directory of a stranger's, holding the compiled entry under its key. */
    private Path plantedDirectory(Path where) throws Exception {
        Files.createDirectories(where);
        Files.copy(compiledEntry, where.resolve(compiledEntry.getFileName()));
        Files.setPosixFilePermissions(where, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(where.resolve(compiledEntry.getFileName()), "unix:uid", STRANGER);
        Files.setAttribute(where, "unix:uid", STRANGER);
        return where;
    }

    private Path stickyWorldWritable(String name) throws Exception {
        Path sticky = dir.resolve(name);
        Files.createDirectories(sticky);
        Files.setAttribute(sticky, "unix:mode", 01777);
        return sticky;
    }

    @Test
    void aDirectoryRenamedInWhileTheCacheLooksIsNeverRead() throws Exception {
        requireRoot();
        Path sticky = stickyWorldWritable("tmp");
        Path cacheDir = sticky.resolve("pager-policy-cache");
        Path planted = plantedDirectory(sticky.resolve("planted"));
        RuleCache cache = RuleCache.in(cacheDir, 10);

        AtomicBoolean stop = new AtomicBoolean();
        Thread renamer = new Thread(() -> {
            // What the second user does: move the planted directory into the cache's name and out again.
            while (!stop.get()) {
                try {
                    Files.move(planted, cacheDir, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(cacheDir, planted, StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception raced) {
                    // the cache created the directory first: the stranger's name is taken
                }
            }
        });
        renamer.start();
        int read = 0;
        try {
            for (int i = 0; i < 3_000; i++) {
                if (cache.get(key).isPresent()) {
                    read++;
                }
            }
        } finally {
            stop.set(true);
            renamer.join();
        }
        assertThat(read).as("planted entries read").isZero();
    }

    @Test
    void aLinkFollowedByDotDotIsJudgedWhereTheFileSystemLeads() throws Exception {
        requireRoot();
        Path open = dir.resolve("open");
        Files.createDirectories(open.resolve("inside"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = plantedDirectory(open.resolve("cache"));
        Files.setAttribute(planted, "unix:uid", 0);
        Files.setAttribute(planted.resolve(compiledEntry.getFileName()), "unix:uid", 0);
        Path safe = dir.resolve("safe");
        Files.createDirectories(safe);
        Files.createSymbolicLink(safe.resolve("link"), open.resolve("inside"));

        Path spelled = Path.of(safe + "/link/../cache");
        assertThat(Files.isRegularFile(spelled.resolve(compiledEntry.getFileName()))).isTrue();
        assertThat(RuleCache.in(spelled, 10).get(key)).isEmpty();
        Path openReal = open.toRealPath();
        assertThat(TrustedDirectory.problem(spelled)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("the directory above it, " + openReal + ", may be written by others (mode 0777),"
                        + " who could replace it"));
    }

    @Test
    void anEntryOthersMayWriteIsNotRead() throws Exception {
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        Path entry = Files.copy(compiledEntry, cacheDir.resolve(compiledEntry.getFileName()));
        RuleCache cache = RuleCache.in(cacheDir, 10);
        assertThat(cache.get(key)).isPresent();

        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void anEntryOwnedByAnotherUserIsNotRead() throws Exception {
        requireRoot();
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        Path entry = Files.copy(compiledEntry, cacheDir.resolve(compiledEntry.getFileName()));
        Files.setAttribute(entry, "unix:uid", STRANGER, LinkOption.NOFOLLOW_LINKS);
        assertThat(RuleCache.in(cacheDir, 10).get(key)).isEmpty();
    }

    @Test
    void anEntryThatIsALinkIsNotFollowed() throws Exception {
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(cacheDir.resolve(compiledEntry.getFileName()), compiledEntry);
        assertThat(RuleCache.in(cacheDir, 10).get(key)).isEmpty();
    }

    @Test
    void aVerdictFileOthersMayWriteDoesNotSkipTheInvariants() throws Exception {
        Path cacheDir = dir.resolve("cache");
        RuleCache cache = RuleCache.in(cacheDir, 10);
        cache.rememberHeld("k", "[]".getBytes());
        assertThat(cache.verdictHeldBefore("k")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("[]"));
        Files.setPosixFilePermissions(cacheDir.resolve("k.invariants-held"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cache.verdictHeldBefore("k")).isEmpty();
    }
}
