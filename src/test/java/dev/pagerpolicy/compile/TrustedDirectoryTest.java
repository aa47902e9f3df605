package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rule cache holds code the service runs: it is trusted only as ssh trusts ~/.ssh. */
class TrustedDirectoryTest {
    private static final int STRANGER = 4242;

    @TempDir
    Path dir;

    private static void giveTo(Path path, int uid) throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "changing a file's owner needs root");
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    private static void mode(Path path, String permissions) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private Path privateDir(Path path) throws Exception {
        Files.createDirectories(path);
        mode(path, "rwx------");
        return path;
    }

    @Test
    void aPrivateDirectoryOfOurOwnIsTrusted() throws Exception {
        assertThat(TrustedDirectory.problem(privateDir(dir.resolve("cache")))).isEmpty();
    }

    @Test
    void aDirectoryNotYetCreatedIsJudgedByTheDirectoriesAboveIt() throws Exception {
        assertThat(TrustedDirectory.problem(dir.resolve("not/yet/there"))).isEmpty();
        Path open = dir.resolve("open");
        Files.createDirectories(open);
        mode(open, "rwxrwxrwx");
        assertThat(TrustedDirectory.problem(open.resolve("cache/compiled"))).hasValueSatisfying(why ->
                assertThat(why).isEqualTo("the directory above it, " + open + ", may be written by others (mode 0777),"
                        + " who could replace it"));
    }

    @Test
    void aDirectoryOthersMayWriteToIsNotTrusted() throws Exception {
        Path cache = privateDir(dir.resolve("cache"));
        mode(cache, "rwxrwx---");
        assertThat(TrustedDirectory.problem(cache)).contains("others may write to it (mode 0770)");
    }

    @Test
    void aDirectoryOwnedByAnotherUserIsNotTrusted() throws Exception {
        Path cache = privateDir(dir.resolve("cache"));
        giveTo(cache, STRANGER);
        assertThat(TrustedDirectory.problem(cache))
                .contains("it is owned by uid 4242, not by this service's user (uid 0) or root");
    }

    @Test
    void aSymbolicLinkToAnotherUsersDirectoryIsNotTrusted() throws Exception {
        Path theirs = privateDir(dir.resolve("theirs"));
        giveTo(theirs, STRANGER);
        Path link = Files.createSymbolicLink(dir.resolve("cache"), theirs);
        assertThat(TrustedDirectory.problem(link))
                .contains("it is owned by uid 4242, not by this service's user (uid 0) or root");
    }

    @Test
    void aSymbolicLinkAnotherUserOwnsIsNotTrusted() throws Exception {
        Path ours = privateDir(dir.resolve("ours"));
        Path link = Files.createSymbolicLink(dir.resolve("cache"), ours);
        giveTo(link, STRANGER);
        assertThat(TrustedDirectory.problem(link)).contains("it is a symbolic link owned by uid 4242, not by this"
                + " service's user (uid 0) or root");
    }

    @Test
    void aPrivateDirectoryInsideOneOthersMayWriteToIsNotTrusted() throws Exception {
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        mode(shared, "rwxrwxrwx");
        Path cache = privateDir(shared.resolve("cache"));
        assertThat(TrustedDirectory.problem(cache)).contains("the directory above it, " + shared
                + ", may be written by others (mode 0777), who could replace it");
    }

    @Test
    void aStickyDirectoryAboveItIsFineAsTmpIs() throws Exception {
        Path sticky = dir.resolve("sticky");
        Files.createDirectories(sticky);
        Files.setAttribute(sticky, "unix:mode", 01777);
        assertThat(TrustedDirectory.problem(privateDir(sticky.resolve("cache")))).isEmpty();
    }

    @Test
    void aDirectoryAboveItOwnedByAnotherUserIsNotTrusted() throws Exception {
        Path theirs = privateDir(dir.resolve("theirs"));
        mode(theirs, "rwxr-xr-x");
        Path cache = privateDir(theirs.resolve("cache"));
        giveTo(theirs, STRANGER);
        assertThat(TrustedDirectory.problem(cache)).contains("the directory above it, " + theirs
                + ", is owned by uid 4242, who could replace it");
    }
}
