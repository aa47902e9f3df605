package dev.pagerpolicy.reload;

import dev.pagerpolicy.source.SourceFiles;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Watches directories (and their subdirectories) and runs an action once a burst of changes has been quiet
 * for the debounce time: an editor's save, a {@code git checkout} of many files, all become one reload.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class);

    private final WatchService watchService;
    private final ScheduledExecutorService scheduler;
    private final Duration debounce;
    private final Runnable action;
    private ScheduledFuture<?> pending;

    private DirectoryWatcher(List<Path> roots, Duration debounce, Runnable action) throws IOException {
        this.watchService = FileSystems.getDefault().newWatchService();
        this.debounce = debounce;
        this.action = action;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pager-policy-reload");
            thread.setDaemon(true);
            return thread;
        });
        for (Path root : roots) {
            registerTree(root);
        }
    }

    public static DirectoryWatcher start(List<Path> roots, Duration debounce, Runnable action) throws IOException {
        DirectoryWatcher watcher = new DirectoryWatcher(roots, debounce, action);
        Thread thread = new Thread(watcher::watch, "pager-policy-file-watcher");
        thread.setDaemon(true);
        thread.start();
        return watcher;
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            // Hidden directories are not watched: a ConfigMap's ..<timestamp> directories come and go with each
            // update, which shows as entries created in the watched directory itself.
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !SourceFiles.isHidden(root.relativize(d))).toList()) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                            && !SourceFiles.isHidden(name)) {
                        registerTree(dir.resolve(name)); // a new subdirectory is watched too
                    }
                }
                key.reset();
                schedule();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop watching
        } catch (IOException e) {
            LOG.error("file watching stopped; use POST /v1/ruleset/reload to reload", e);
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::runAction, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A scheduled task's failure would only be kept in its unread future: say it, and keep watching. */
    private void runAction() {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            LOG.error("the reload triggered by a file change failed unexpectedly; the watcher goes on", e);
        }
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        scheduler.shutdownNow();
    }
}
