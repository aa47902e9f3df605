package dev.pagerpolicy.compile;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;

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
        return judge(dir).problem();
    }

    /**
     * The directory as the file system reaches it, and why it cannot be trusted. The path is judged twice: as
     * spelled, so that a link someone else owns is caught where it stands, and as the file system resolves it (links
     * and {@code ..} followed, the way {@code open} would), since that is where the files are read. An absent
     * directory is resolved through its nearest existing ancestor. Callers read and write through {@link
     * Judgement#realPath()} only, so that what was judged is what is used.
     */
    static Judgement judge(Path dir) {
        Path absolute = dir.toAbsolutePath();
        OptionalLong self = selfUid();
        try {
            Deque<Path> missing = new ArrayDeque<>();
            Path real = realPath(absolute, missing);
            boolean exists = missing.isEmpty();
            if (self.isEmpty()) {
                return new Judgement(real, exists, Optional.empty()); // not a Unix system: no owners or modes to check
            }
            Optional<String> problem = chainProblem(absolute.normalize(), self.getAsLong(), false);
            if (problem.isEmpty()) {
                // When it existed as it was resolved, it must still be there to be judged: a directory renamed away
                // between the two looks is not trusted, or the next look could read whatever is renamed in.
                problem = chainProblem(real, self.getAsLong(), exists);
            }
            return new Judgement(real, exists, problem);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return new Judgement(absolute.normalize(), Files.isDirectory(absolute), Optional.empty()); // no "unix" view
        } catch (NoSuchFileException e) {
            return new Judgement(absolute.normalize(), false, Optional.of("it was moved or removed while it was checked"));
        } catch (IOException e) {
            return new Judgement(absolute.normalize(), false,
                    Optional.of("it cannot be inspected (" + e.getMessage() + ")"));
        }
    }

    /**
     * Why a file inside a trusted directory cannot be trusted: it must be a regular file, not a link, owned by this
     * process's user or root and writable by its owner alone, or anyone who may write it chooses the code it holds.
     */
    static Optional<String> fileProblem(Path file) {
        OptionalLong self = selfUid();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(Files.isSymbolicLink(file) ? "it is a symbolic link" : "it is not a regular file");
            }
            if (self.isEmpty()) {
                return Optional.empty();
            }
            int owner = uid(file);
            if (owner != self.getAsLong() && owner != ROOT) {
                return Optional.of("it is owned by uid " + owner + ", not by this service's user (uid "
                        + self.getAsLong() + ") or root");
            }
            int mode = mode(file);
            return (mode & GROUP_OR_OTHERS_WRITE) != 0
                    ? Optional.of("others may write to it (mode " + octal(mode) + ")") : Optional.empty();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("it cannot be inspected (" + e.getMessage() + ")");
        }
    }

    /** A directory as the file system reaches it, and why it cannot be trusted (empty when it can). */
    record Judgement(Path realPath, boolean exists, Optional<String> problem) {
        boolean trusted() {
            return problem.isEmpty();
        }
    }

    private static OptionalLong selfUid() {
        try {
            return OptionalLong.of(new UnixSystem().getUid());
        } catch (LinkageError | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The path the file system reaches: the nearest existing ancestor resolved with {@code toRealPath} (which follows
     * links and {@code ..} as the kernel does), followed by the names that do not exist yet.
     */
    private static Path realPath(Path absolute, Deque<Path> missing) throws IOException {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? absolute.getRoot() : existing.toRealPath();
        for (Path name : missing) {
            real = real.resolve(name);
        }
        return real.normalize();
    }

    /** Checks {@code dir} itself, if it exists (or must), and every existing directory above it, link by link. */
    private static Optional<String> chainProblem(Path dir, long self, boolean mustExist) throws IOException {
        if (mustExist || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
