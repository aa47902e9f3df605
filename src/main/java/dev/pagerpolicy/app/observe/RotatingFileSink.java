package dev.pagerpolicy.app.observe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The decision log as a file that rotates by size: {@code NAME} is renamed to {@code NAME.1} (and {@code .1} to
 * {@code .2} ...) once a batch would take it past {@code maxBytes}; the oldest beyond {@code keep} files is deleted.
 *
 * <p>It is the audit trail, so it holds on through what happens to files under a running service:
 * <ul>
 * <li>the file deleted, or moved away (as {@code logrotate} does): noticed before the next batch, which goes to a
 * new file under the name, never into a file no one can read;</li>
 * <li>a rotation only renames files that exist, so a failed one never deletes history;</li>
 * <li>a full volume: a batch that could not be written is cut off the file again (no half line is left), the oldest
 * rotated file is given up to make room, and the batch is written again; with no rotated file left, the live file is
 * rotated first. Old history goes before the newest decisions.</li>
 * </ul>
 */
final class RotatingFileSink implements LogSink {
    private static final Logger LOG = Logger.getLogger(RotatingFileSink.class);

    private final Path path;
    private final long maxBytes;
    private final int keep;
    private FileChannel channel;
    /** The identity (device and inode) of the open file, to tell when the name now leads elsewhere. */
    private Object openFile;
    private long size;

    RotatingFileSink(Path path, long maxBytes, int keep) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.keep = keep;
        open();
    }

    private void open() throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        openFile = identity(path);
        size = channel.size();
    }

    private static Object identity(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void write(byte[] lines, int length) throws IOException {
        reopenIfMovedOrDeleted();
        if (size > 0 && size + length > maxBytes) {
            rotate();
        }
        writeMakingRoom(lines, length);
    }

    private void reopenIfMovedOrDeleted() throws IOException {
        if (channel != null && channel.isOpen() && Objects.equals(identity(path), openFile)) {
            return;
        }
        if (channel != null) {
            LOG.warnf("decision log: %s was moved or deleted; writing to a new file under its name", path);
            closeQuietly();
        }
        open();
    }

    private void rotate() throws IOException {
        closeQuietly();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (keep >= 1) {
                Files.deleteIfExists(numbered(keep));
                for (int n = keep - 1; n >= 1; n--) {
                    if (Files.exists(numbered(n))) {
                        Files.move(numbered(n), numbered(n + 1), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(path);
            }
        }
        open();
    }

    private void writeMakingRoom(byte[] lines, int length) throws IOException {
        while (true) {
            long before = size;
            try {
                ByteBuffer buffer = ByteBuffer.wrap(lines, 0, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                size += length;
                return;
            } catch (IOException e) {
                cutBackTo(before);
                if (!makeRoom()) {
                    throw e;
                }
            }
        }
    }

    /** Removes the part of a batch that was written before the write failed, so that no half line stays. */
    private void cutBackTo(long length) {
        try {
            channel.truncate(length);
            size = length;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("decision log: cannot cut %s back to %d bytes (%s)", path, length, e.getMessage());
        }
    }

    /** Frees space: the oldest rotated file, or, with none left, the live file rotated so that it can go next. */
    private boolean makeRoom() throws IOException {
        for (int n = keep; n >= 1; n--) {
            Path oldest = numbered(n);
            if (Files.deleteIfExists(oldest)) {
                LOG.warnf("decision log: the volume of %s is full; deleted the oldest rotated file %s to make room",
                        path, oldest);
                return true;
            }
        }
        if (keep >= 1 && size > 0) {
            rotate();
            return true;
        }
        return false;
    }

    private Path numbered(int n) {
        return numbered(path, n);
    }

    /** The {@code n}th rotated file of {@code file}, {@code FILE.n}: the older, the higher; {@code file} itself for 0. */
    static Path numbered(Path file, int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("decision log: closing %s failed (%s)", path, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
