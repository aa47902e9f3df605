package dev.pagerpolicy.app;

import dev.pagerpolicy.reload.DirectoryWatcher;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/** Loads the rule set while the application starts, not on the first alert, then watches its files. */
@ApplicationScoped
public class RuleSetLifecycle {
    private static final Logger LOG = Logger.getLogger(RuleSetLifecycle.class);
    private DirectoryWatcher watcher;

    void onStart(@Observes StartupEvent event, ActiveRuleSet active, Reloader reloader, PagerPolicyConfig config) {
        active.get();
        if (config.watch().enabled()) {
            try {
                // The scenarios' own directory is watched when it lies outside the rules directory.
                watcher = DirectoryWatcher.start(List.of(Path.of(config.rulesDir()), Path.of(config.policiesDir()),
                                Engine.scenariosDir(config)),
                        config.watch().debounce(), () -> reloader.request("file-watcher"));
            } catch (IOException e) {
                LOG.error("cannot watch the rule and policy directories; reload with POST /v1/ruleset/reload", e);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event, Reloader reloader) throws IOException {
        reloader.stop();
        if (watcher != null) {
            watcher.close();
        }
    }
}
