package dev.pagerpolicy.app;

import dev.pagerpolicy.engine.ActiveRuleSet;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Loads the rule set while the application starts, instead of on the first alert. */
@ApplicationScoped
public class StartupCheck {
    void onStart(@Observes StartupEvent event, ActiveRuleSet active) {
        active.get();
    }
}
