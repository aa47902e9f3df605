package dev.pagerpolicy.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagerpolicy.alert.Fingerprint;
import dev.pagerpolicy.forward.Copies;
import dev.pagerpolicy.forward.ForwardedAlerts;
import dev.pagerpolicy.forward.Forwarder;
import dev.pagerpolicy.forward.Outbox;
import dev.pagerpolicy.forward.PostableAlert;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * pager-policy in the alert path: alerts as Prometheus posts them to an Alertmanager are decided, and each decided
 * alert goes on to the configured Alertmanagers once per recipient ({@link Copies}), whose routes deliver it by
 * {@code pp_team} and {@code pp_action}. A resend keeps the copies of its first decision (and refreshes their end); a
 * page held for business hours goes out on the first resend at or after its time; a resolved alert resolves every copy
 * sent. When no Alertmanager can take more, the whole post is refused, so that the sender keeps and resends it.
 */
@ApplicationScoped
public class AlertPath {
    private final Clock clock;
    private final DecisionService decisions;
    private final Forwarder forwarder;
    private final ForwardedAlerts forwarded;

    /** How one alert is decided: read through the input mappings, or the fallback when it cannot be. */
    @FunctionalInterface
    public interface Decide {
        /**
         * @param index        its place among the alerts received
         * @param sameAlertKey what makes it the same alert when sent again ("fingerprint ...")
         */
        EncodedDecision decide(int index, PostableAlert alert, String sameAlertKey);
    }

    @Inject
    AlertPath(PagerPolicyConfig config, Clock clock, DecisionService decisions, ObjectMapper json,
              MeterRegistry registry) {
        this.clock = clock;
        this.decisions = decisions;
        PagerPolicyConfig.Forward settings = config.forward();
        List<URI> alertmanagers = settings.alertmanagers().orElse(List.of()).stream().map(String::strip)
                .filter(url -> !url.isEmpty()).map(AlertPath::url).toList();
        this.forwarder = alertmanagers.isEmpty() ? Forwarder.none() : new Forwarder(alertmanagers,
                settings.queueSize(), settings.batchSize(), alerts -> encoded(json, alerts));
        this.forwarded = new ForwardedAlerts(settings.remembered(), config.correlation().resolveTimeout());
        for (Outbox outbox : forwarder.outboxes()) {
            String to = outbox.endpoint().toString();
            Gauge.builder("pager.policy.forward.queued", outbox, Outbox::depth).tag("alertmanager", to)
                    .description("Copies waiting to be forwarded to an Alertmanager").register(registry);
            FunctionCounter.builder("pager.policy.forward.sent", outbox, Outbox::sent).tag("alertmanager", to)
                    .description("Copies an Alertmanager accepted").register(registry);
            FunctionCounter.builder("pager.policy.forward.failures", outbox, Outbox::failures).tag("alertmanager", to)
                    .description("Attempts to forward that failed, each retried").register(registry);
            FunctionCounter.builder("pager.policy.forward.refused", outbox, Outbox::refused).tag("alertmanager", to)
                    .description("Copies an Alertmanager refused as invalid (4xx), not sent again").register(registry);
        }
    }

    private static URI url(String text) {
        try {
            URI url = URI.create(text);
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw RefusedToStartException.misconfigured("pager-policy.forward.alertmanagers: \"" + text
                    + "\" is not a URL such as http://alertmanager:9093");
        }
    }

    private static byte[] encoded(ObjectMapper json, List<PostableAlert> alerts) {
        try {
            return json.writeValueAsBytes(alerts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts of strings and times cannot fail to be written as JSON", e);
        }
    }

    /**
     * Decides every firing alert of {@code alerts} (a resend too: it keeps it firing among the alerts still firing, and
     * is logged as a repeat), forgets every resolved one, and forwards what they call for.
     *
     * @return false when no Alertmanager could take the copies: every alert was decided, and the sender should post
     *         them again later (their copies go out then)
     */
    public boolean receive(List<PostableAlert> alerts, Decide decide) {
        Instant now = clock.instant();
        List<PostableAlert> out = new ArrayList<>();
        for (int index = 0; index < alerts.size(); index++) {
            PostableAlert alert = alerts.get(index);
            String fingerprint = Fingerprint.of(alert.labels());
            String key = "fingerprint " + fingerprint;
            if (alert.isResolvedAt(now)) {
                decisions.resolved(key);
                out.addAll(forwarded.resolved(fingerprint, alert.endsAt()));
                continue;
            }
            EncodedDecision decided = decide.decide(index, alert, key);
            Optional<ForwardedAlerts.Resend> resend = forwarded.resent(fingerprint, alert, now);
            out.addAll(resend.isPresent() ? resend.get().copies() : forwarded.decided(fingerprint, alert,
                    decided.decision().decisionId(), Copies.of(alert, decided.decision()), now));
        }
        return forwarder.forward(out);
    }

    /** The Alertmanagers the copies go to, for health and operators. */
    public List<Outbox> outboxes() {
        return forwarder.outboxes();
    }

    @PreDestroy
    void stop() {
        forwarder.close();
    }
}
