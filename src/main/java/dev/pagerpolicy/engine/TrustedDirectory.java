package dev.pagerpolicy.engine;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a directory may hold code this process will run: the check {@code ssh} makes of {@code ~/.ssh}. The
 * directory must belong to this process's user (or root) and be writable by its owner alone; every directory above it
 * must belong to that user or to root and be writable by no one else, unless its sticky bit keeps others from
 * renaming what they do not own (as in {@code /tmp}). Symbolic links on the way are judged where they stand
 * and where they lead, since whoever can replace a link can redirect the directory.
 */
final class TrustedDirectory {
    private static final int ROOT = 0;
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;

    private TrustedDirectory() {
    }

    /** Why {@code dir} cannot be trusted, or empty when it can (or when the file system has no Unix owners). */
    static Optional<String> problem(Path dir) {
        long self;
        try {
            self = new UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty(); // not a Unix system: no owners or modes to check
        }
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Optional<String> problem = chainProblem(absolute, self);
            if (problem.isEmpty() && Files.exists(absolute)) {
                problem = chainProblem(absolute.toRealPath(), self);
            }
            return problem;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // a file system without the "unix" attribute view
        } catch (IOException e) {
            return Optional.of("it cannot be inspected (" + e.getMessage() + ")");
        }
    }

    /** Checks {@code dir} itself, if it exists, and every existing directory above it, link by link. */
    private static Optional<String> chainProblem(Path dir, long self) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Optional<String> own = ownProblem(dir, self);
            if (own.isPresent()) {
                return own;
            }
        }
        for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
            if (!Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Optional<String> problem = parentProblem(parent, self);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ownProblem(Path dir, long self) throws IOException {
        int owner = uid(dir);
        if (Files.isSymbolicLink(dir)) {
            return owner == self || owner == ROOT ? Optional.empty()
                    : Optional.of("it is a symbolic link owned by uid " + owner + ", not by this service's user (uid "
                    + self + ") or root");
        }
        // Root may own it too: a cache baked into a container image belongs to root and is only read.
        if (owner != self && owner != ROOT) {
            return Optional.of("it is owned by uid " + owner + ", not by this service's user (uid " + self
                    + ") or root");
        }
        if ((mode(dir) & GROUP_OR_OTHERS_WRITE) != 0) {
            return Optional.of("others may write to it (mode " + octal(mode(dir)) + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> parentProblem(Path parent, long self) throws IOException {
        int owner = uid(parent);
        if (owner != self && owner != ROOT) {
            return Optional.of("the directory above it, " + parent + ", is owned by uid " + owner
                    + ", who could replace it");
        }
        if (Files.isSymbolicLink(parent)) {
            return Optional.empty(); // a link's own mode means nothing; where it leads is checked on the real path
        }
        int mode = mode(parent);
        if ((mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
            return Optional.of("the directory above it, " + parent + ", may be written by others (mode "
                    + octal(mode) + "), who could replace it");
        }
        return Optional.empty();
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
