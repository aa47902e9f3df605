package dev.pagerpolicy.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One thread for work a person asked for in the console, which must never take the cores deciding needs. */
final class BackgroundThread {
    private BackgroundThread() {
    }

    /** A single daemon thread of the lowest priority, so that the process stops without waiting for it. */
    static ExecutorService lowPriority(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            daemon.setPriority(Thread.MIN_PRIORITY);
            return daemon;
        });
    }
}
