package dev.pagerpolicy.api;

import dev.pagerpolicy.reload.Reloader;
import dev.pagerpolicy.reload.RuleSetVerifier;
import dev.pagerpolicy.ruleset.ActiveRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a rule set is active (not while the first is still in its gate), and it stays ready on the last good
 * set when a reload fails: the instance still decides correctly, so taking it out of rotation would only lose
 * alerts. The failed reload shows in the check's data, where dashboards and operators look; the problems
 * themselves, with file paths, are only shown to callers with a key.
 */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    @Inject
    ActiveRuleSet active;
    @Inject
    Reloader reloader;
    @Inject
    RuleSetVerifier verifier;

    @Override
    public HealthCheckResponse call() {
        if (!active.isActive()) {
            HealthCheckResponseBuilder starting = HealthCheckResponse.named("rule-set").down()
                    .withData("starting", "the first rule set is still being verified");
            verifier.stage().ifPresent(stage -> starting.withData("stage", stage.doing())
                    .withData("stageSince", stage.since().toString()));
            return starting.build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rule-set").up()
                .withData("version", active.get().version())
                .withData("loadedAt", active.get().loadedAt().toString());
        reloader.lastAttempt().ifPresent(attempt -> {
            response.withData("lastReload", attempt.result())
                    .withData("lastReloadAt", attempt.at().toString());
            if (attempt.failed()) {
                // This endpoint is open: it says how many problems, GET /v1/ruleset (with a key) says which.
                response.withData("lastReloadProblems", attempt.problems().size());
            }
        });
        return response.build();
    }
}
