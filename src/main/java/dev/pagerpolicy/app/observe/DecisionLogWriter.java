package dev.pagerpolicy.app.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Writes decision-log lines from a thread of its own, in batches: a request hands over its line and goes on, and
 * the writer, waking every {@value #PAUSE_MILLIS} ms, puts every line waiting into one buffer and writes it with
 * as few system calls as the sink allows. A request never wakes the writer: at a few thousand decisions a second,
 * a wake-up per line would cost more than the write it saves (measured).
 * The lines waiting are bounded by bytes. When they reach the bound, a request waits up to {@code waitLimit} for
 * room ({@code waitLimit} zero: not at all), then drops its line and counts it: never an unbounded queue, never a
 * silent loss. {@link #close()} writes every line handed over before it.
 */
public final class DecisionLogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);
    static final int PAUSE_MILLIS = 2;

    private final LogSink sink;
    private final int maxBytes;
    private final Duration waitLimit;
    private final Semaphore room;
    private final ConcurrentLinkedQueue<byte[]> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    /** Why the last batch could not be written; null once one was. */
    private volatile String failure;

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

    /** Why the last batch could not be written, while no later one could; empty when the log is writing. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** A batch of lines whose bytes the sink reads in place, without the copy {@link #toByteArray()} makes. */
    private static final class Batch extends ByteArrayOutputStream {
        Batch() {
            super(64 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private void writeUntilStopped() {
        Batch batch = new Batch();
        while (true) {
            boolean last = closed; // read before draining, so that nothing handed over before close() is left
            batch.reset();
            int count = 0;
            for (byte[] line = lines.poll(); line != null; line = lines.poll()) {
                batch.write(line, 0, line.length);
                batch.write('\n');
                count++;
            }
            if (count > 0) {
                write(batch, count);
            } else if (last) {
                return;
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
            }
        }
    }

    private void write(Batch batch, int count) {
        try {
            sink.write(batch.bytes(), batch.size());
            failure = null;
        } catch (IOException | RuntimeException e) {
            dropped.addAndGet(count);
            failure = e.toString();
            LOG.warnf("decision log: %d lines could not be written (%s)", count, e.getMessage());
        } finally {
            room.release(batch.size()); // each line took its length and its newline
        }
    }

    /** Stops taking lines and returns once every line handed over before has been written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A line handed over while the writer stopped, or one it had no time left for, is counted, not lost unsaid.
        dropped.addAndGet(lines.size());
        try {
            sink.close();
        } catch (IOException e) {
            LOG.warnf("decision log: closing it failed (%s)", e.getMessage());
        }
    }
}
