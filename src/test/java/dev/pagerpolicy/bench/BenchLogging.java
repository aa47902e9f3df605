package dev.pagerpolicy.bench;

import org.jboss.logmanager.LogContext;

/**
 * Outside a running Quarkus app nothing configures the log manager, so every logger would be at its most
 * verbose and log records would be buffered for a start-up that never comes. Benchmarks log at WARNING, as
 * the service does for the engine.
 */
final class BenchLogging {
    private BenchLogging() {
    }

    static void quiet() {
        LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
}
