package dev.pagerpolicy.app;

import dev.pagerpolicy.reload.DirectoryWatcher;
import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Puts the first rule set through the gate as the application starts, not on the first alert, then watches its
 * files. With {@code pager-policy.start.gate-while-listening} (the default) the gate runs on a thread of its own
 * while the server answers probes, and the API answers 503 until the set is active; rules that fail the gate stop
 * the process either way.
 */
@ApplicationScoped
public class RuleSetLifecycle {
    private static final Logger LOG = Logger.getLogger(RuleSetLifecycle.class);
    private volatile DirectoryWatcher watcher;
    private volatile boolean stopping;

    @Inject
    RuleSetVerifier verifier;
    @Inject
    ActiveRuleSet active;
    @Inject
    Reloader reloader;
    @Inject
    PagerPolicyConfig config;
    @Inject
    Event<FirstRuleSetActive> firstActive;

    /** Last of the start's observers, so that those of {@link FirstRuleSetActive} find their own start done. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        if (!config.start().gateWhileListening()) {
            activateFirst();
            return;
        }
        LOG.infof("verifying the rule set in %s and policies in %s; the API answers 503 and readiness DOWN until"
                + " it is active", verifier.rulesDir(), verifier.policiesDir());
        Thread gate = new Thread(this::activateFirstOrExit, "first-rule-set-gate");
        gate.setDaemon(true); // a stop (SIGTERM) does not wait for a gate nobody needs any more
        gate.start();
    }

    private void activateFirstOrExit() {
        try {
            activateFirst();
        } catch (RefusedToStartException e) {
            LOG.error(e.getMessage());
            Quarkus.asyncExit(1);
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                LOG.error("pager-policy cannot start: verifying the first rule set failed", e);
                Quarkus.asyncExit(1);
            }
        }
    }

    /** @throws RefusedToStartException when the rules, policies or scenarios do not pass the gate */
    private void activateFirst() {
        RuleSet verified;
        try {
            verified = verifier.buildVerified();
        } catch (InvalidSourceException e) {
            throw new RefusedToStartException(e);
        }
        active.replace(verified);
        LOG.infof("rule set %s active: %d rules from %s, policies from %s", verified.version(),
                verified.ruleNames().size(), verifier.rulesDir(), verifier.policiesDir());
        if (stopping) {
            return; // told to stop while the gate ran: nothing is to begin now
        }
        firstActive.fire(new FirstRuleSetActive(active.get()));
        if (config.watch().enabled()) {
            watch();
        }
    }

    private void watch() {
        try {
            // The scenarios' own directory is watched when it lies outside the rules directory.
            watcher = DirectoryWatcher.start(List.of(Path.of(config.rulesDir()), Path.of(config.policiesDir()),
                            Engine.scenariosDir(config)),
                    config.watch().debounce(), () -> reloader.request("file-watcher"));
        } catch (IOException e) {
            LOG.error("cannot watch the rule and policy directories; reload with POST /v1/ruleset/reload", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        stopping = true;
        reloader.stop();
        DirectoryWatcher started = watcher;
        if (started != null) {
            started.close();
        }
    }
}
