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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final List<Path> roots;
    private ScheduledFuture<?> pending;

    private DirectoryWatcher(List<Path> roots, Duration debounce, Runnable action) throws IOException {
        this.watchService = FileSystems.getDefault().newWatchService();
        this.debounce = debounce;
        this.action = action;
        this.roots = List.copyOf(roots);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pager-policy-reload");
            thread.setDaemon(true);
            return thread;
        });
        for (Path root : roots) {
            registerTree(root);
            watchParentOf(root);
        }
    }

    /**
     * The directory above a root is watched for the root's own name: a root removed and created again (say
     * {@code rm -rf rules} and a fresh checkout) is a new directory, which no watch of the old one would see.
     */
    private final Map<Path, Path> rootsByParent = new HashMap<>();

    private void watchParentOf(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        rootsByParent.put(parent.resolve(absolute.getFileName()), root);
        // The same kinds as every watched directory: registering a directory again replaces its kinds, and the
        // parent may be a watched directory itself (scenarios kept under the rules directory).
        parent.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
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
                boolean changed = false;
                Path absoluteDir = dir.toAbsolutePath().normalize();
                boolean inARoot = roots.stream().anyMatch(root -> absoluteDir.startsWith(root.toAbsolutePath().normalize()));
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (!(event.context() instanceof Path name)) {
                        changed = true; // events were lost (overflow): whatever changed is read again
                        continue;
                    }
                    Path root = rootsByParent.get(absoluteDir.resolve(name));
                    if (root != null) {
                        changed = true;
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            LOG.infof("%s was created again; watching it", root);
                            registerTree(root);
                        }
                    } else if (inARoot) {
                        changed = true;
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && !SourceFiles.isHidden(name)) {
                            registerTree(dir.resolve(name)); // a new subdirectory is watched too
                        }
                    }
                }
                key.reset();
                if (changed) {
                    schedule();
                }
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

    /**
     * Runs the action once the files have also stood still for one more debounce time: a writer that pauses
     * between two writes without closing the file (and so without a change event) is not caught half-way.
     * A scheduled task's failure would only be kept in its unread future: it is logged, and watching goes on.
     */
    private void runAction() {
        try {
            Map<Path, String> before = snapshot();
            Thread.sleep(debounce.toMillis());
            if (!before.equals(snapshot())) {
                schedule(); // still being written: wait for the next quiet time
                return;
            }
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } catch (RuntimeException | Error e) {
            LOG.error("the reload triggered by a file change failed unexpectedly; the watcher goes on", e);
        }
    }

    /** Size and modification time of every file that is not hidden under the watched directories. */
    private Map<Path, String> snapshot() {
        Map<Path, String> files = new HashMap<>();
        for (Path root : roots) {
            try {
                for (Path file : SourceFiles.find(root, name -> true)) {
                    files.put(file, Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                }
            } catch (IOException e) {
                files.put(root, "unreadable: " + e.getMessage()); // compared like any state: changes count
            }
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        scheduler.shutdownNow();
    }
}
