package dev.pagerpolicy.app.observe;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where the decision log's lines go: standard output, or a file that rotates by size. */
interface LogSink extends Closeable {
    /**
     * Writes whole lines, each ending in a newline, with as few system calls as it can.
     *
     * @param length bytes of {@code lines} to write, from its start
     */
    void write(byte[] lines, int length) throws IOException;

    /**
     * Standard output, which the service's other log lines share: a write to a pipe is only kept whole up to
     * {@value #PIPE_BUF} bytes, so batches are written in line-aligned pieces of at most that, and another line
     * never lands inside a decision.
     */
    static LogSink standardOutput() {
        return inPipePieces(new FileOutputStream(FileDescriptor.out));
    }

    /** Writes each batch to {@code out} in line-aligned pieces of at most {@value #PIPE_BUF} bytes. */
    static LogSink inPipePieces(OutputStream out) {
        return new LogSink() {
            @Override
            public void write(byte[] lines, int length) throws IOException {
                int start = 0;
                while (start < length) {
                    int end = Math.min(length, start + PIPE_BUF);
                    if (end < length) {
                        int lastNewline = lastNewline(lines, start, end);
                        end = lastNewline >= start ? lastNewline + 1 : nextNewline(lines, end, length) + 1;
                    }
                    out.write(lines, start, end - start);
                    start = end;
                }
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush(); // standard output stays open for the rest of the process
            }
        };
    }

    /** Bytes that a write to a pipe keeps together (POSIX's minimum, Linux's value). */
    int PIPE_BUF = 4096;

    private static int lastNewline(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int nextNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to - 1;
    }

    /**
     * A file that is renamed to {@code NAME.1} (and {@code .1} to {@code .2} ...) once a batch would take it past
     * {@code maxBytes}; the oldest beyond {@code keep} files is deleted. See {@link RotatingFileSink}.
     */
    static LogSink rotatingFile(Path path, long maxBytes, int keep) throws IOException {
        return new RotatingFileSink(path, maxBytes, keep);
    }
}
