package dev.pagerpolicy.api;

import dev.pagerpolicy.ruleset.ActiveRuleSet;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * While the first rule set is still in its gate, every request of the API and the console is answered 503 with
 * {@code Retry-After}, before it is read or authenticated: there are no rules to decide with yet. Alertmanager and
 * HTTP clients send again; the kubelet sends nothing, since readiness says DOWN until then.
 */
public class UntilTheFirstRuleSet {
    /** Seconds a caller waits before sending again; a first gate takes seconds to a minute. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    ActiveRuleSet active;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> answerStartingUntilActive() {
        if (active.isActive()) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(Problem.response(ProblemType.STARTING,
                        "the first rule set is still being verified (compile, scenarios, invariants); send again"))
                .header("Retry-After", RETRY_AFTER_SECONDS).build());
    }
}
