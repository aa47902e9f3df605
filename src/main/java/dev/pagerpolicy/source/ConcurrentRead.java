package dev.pagerpolicy.source;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reading that runs on a thread of its own while the caller does other, independent work, such as parsing the
 * policies while the rules compile. Its problems reach the caller from {@link #join()} as if it had read itself.
 * A thread per read, not a pool: reads happen at start-up, on a reload and once per command, and a shared pool
 * may be busy with other work (on two cores the common pool has a single thread).
 */
public final class ConcurrentRead<T> {
    /** What to read. */
    @FunctionalInterface
    public interface Work<T> {
        T read() throws InvalidSourceException;
    }

    private final FutureTask<T> task;

    private ConcurrentRead(FutureTask<T> task) {
        this.task = task;
    }

    public static <T> ConcurrentRead<T> start(String name, Work<T> work) {
        FutureTask<T> task = new FutureTask<>((Callable<T>) work::read);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new ConcurrentRead<>(task);
    }

    /** Waits for the result; the read's own problems and failures are thrown here, unchanged. */
    public T join() throws InvalidSourceException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidSourceException invalid) {
                throw invalid;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
