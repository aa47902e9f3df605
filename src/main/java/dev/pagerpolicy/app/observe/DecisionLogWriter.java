package dev.pagerpolicy.app.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes decision-log lines from a thread of its own, in batches: a request hands over its line and goes on, and
 * the writer puts every line waiting into one buffer and writes it with as few system calls as the sink allows.
 * The lines waiting are bounded by bytes. When they reach the bound, a request waits up to {@code waitLimit} for
 * room ({@code waitLimit} zero: not at all), then drops its line and counts it: never an unbounded queue, never a
 * silent loss. {@link #close()} writes every line handed over before it.
 */
public final class DecisionLogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);
    private static final byte[] STOP = new byte[0];

    private final LogSink sink;
    private final int maxBytes;
    private final Duration waitLimit;
    private final Semaphore room;
    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param maxBytes  bytes of lines that may wait to be written
     * @param waitLimit how long a request waits for room when they are full; zero: it drops its line at once
     */
    DecisionLogWriter(LogSink sink, int maxBytes, Duration waitLimit) {
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.waitLimit = waitLimit;
        this.room = new Semaphore(maxBytes);
        this.thread = new Thread(this::writeUntilStopped, "decision-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a line (JSON, without its newline) to the writer; false when it was dropped, and counted. */
    public boolean offer(byte[] line) {
        if (closed || line.length + 1 > maxBytes || !acquire(line.length + 1)) {
            dropped.incrementAndGet();
            return false;
        }
        lines.add(line);
        return true;
    }

    private boolean acquire(int bytes) {
        if (room.tryAcquire(bytes)) {
            return true;
        }
        if (waitLimit.isZero()) {
            return false;
        }
        try {
            return room.tryAcquire(bytes, waitLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lines dropped because the writer could not keep up (or had stopped). */
    public long dropped() {
        return dropped.get();
    }

    private void writeUntilStopped() {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
        List<byte[]> taken = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                taken.add(lines.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, and it does so with STOP
            }
            lines.drainTo(taken);
            batch.reset();
            int bytes = 0;
            for (byte[] line : taken) {
                if (line == STOP) {
                    stopping = true;
                    continue;
                }
                batch.write(line, 0, line.length);
                batch.write('\n');
                bytes += line.length + 1;
            }
            taken.clear();
            try {
                if (batch.size() > 0) {
                    sink.write(batch.toByteArray(), batch.size());
                }
            } catch (IOException | RuntimeException e) {
                dropped.addAndGet(countLines(batch));
                LOG.warnf("decision log: %d lines could not be written (%s)", countLines(batch), e.getMessage());
            } finally {
                room.release(bytes);
            }
        }
    }

    private static long countLines(ByteArrayOutputStream batch) {
        long n = 0;
        for (byte b : batch.toByteArray()) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Stops taking lines and returns once every line handed over before has been written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lines.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A line handed over while the writer stopped, or one it had no time left for, is counted, not lost unsaid.
        lines.remove(STOP);
        dropped.addAndGet(lines.size());
        try {
            sink.close();
        } catch (IOException e) {
            LOG.warnf("decision log: closing it failed (%s)", e.getMessage());
        }
    }
}
