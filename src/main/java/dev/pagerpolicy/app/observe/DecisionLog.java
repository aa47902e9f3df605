package dev.pagerpolicy.app.observe;

import dev.pagerpolicy.alert.Alert;
import dev.pagerpolicy.alert.LabelMask;
import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.RefusedToStartException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes one JSON line per decision, which any log pipeline can ship: to standard output or a rotating file
 * through a {@link DecisionLogWriter} (in batches, off the request thread), or to the logger {@value #CATEGORY}.
 * Labels named in {@code pager-policy.decision-log.masked-labels} are masked here, before the record is
 * logged or kept for {@code GET /v1/decisions}.
 */
@Startup // a misconfigured destination stops the start, rather than fail the first decision
@ApplicationScoped
public class DecisionLog {
    public static final String CATEGORY = "pager-policy.decisions";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private Set<String> masked = Set.of();
    private boolean enabled;
    /** Null when the log goes to the logger. */
    private DecisionLogWriter writer;

    @Inject
    void configure(PagerPolicyConfig config, MeterRegistry metrics) {
        PagerPolicyConfig.DecisionLog log = config.decisionLog();
        // Label names are written in many cases ("email", "Email"); a secret must not slip through on one.
        masked = log.maskedLabels().orElse(List.of()).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        enabled = log.enabled();
        if (!enabled || log.destination().equals("logger")) {
            return;
        }
        writer = new DecisionLogWriter(sink(log), (int) Math.min(Integer.MAX_VALUE, log.bufferBytes().asLongValue()),
                log.waitLimit());
        FunctionCounter.builder("pager.policy.decision.log.dropped", writer, DecisionLogWriter::dropped)
                .description("Decision-log lines dropped because the writer could not keep up or could not write them")
                .register(metrics);
    }

    /** Where the writer writes; a setting that names no usable destination stops the start, saying which. */
    private static LogSink sink(PagerPolicyConfig.DecisionLog log) {
        switch (log.destination()) {
            case "stdout":
                return LogSink.standardOutput();
            case "file":
                String file = log.file().orElseThrow(() -> RefusedToStartException.misconfigured(
                        "pager-policy.decision-log.file: the destination \"file\" needs a file"));
                try {
                    return LogSink.rotatingFile(Path.of(file), log.maxFileSize().asLongValue(), log.maxFiles());
                } catch (IOException | RuntimeException e) {
                    throw RefusedToStartException.misconfigured("pager-policy.decision-log.file: cannot write \""
                            + file + "\" (" + e.getMessage() + ")");
                }
            default:
                throw RefusedToStartException.misconfigured("pager-policy.decision-log.destination: \""
                        + log.destination() + "\" is not stdout, file or logger");
        }
    }

    /** Why the log's last batch could not be written, while no later one could; empty while it writes. */
    public java.util.Optional<String> failure() {
        return writer == null ? java.util.Optional.empty() : writer.failure();
    }

    /** Lines dropped since the start: the writer could not keep up, or could not write them. */
    public long dropped() {
        return writer == null ? 0 : writer.dropped();
    }

    /** Writes every line handed over before the service stops. */
    @PreDestroy
    void flush() {
        if (writer != null) {
            writer.close();
        }
    }

    /** The alert as it may be shown, its masked labels' values replaced by {@value LabelMask#VALUE}. */
    public Alert mask(Alert alert) {
        List<String> names = maskedLabels(alert);
        if (names.isEmpty()) {
            return alert;
        }
        Map<String, String> labels = new HashMap<>(alert.labels());
        names.forEach(name -> labels.put(name, LabelMask.VALUE));
        return new Alert(alert.id(), alert.kind(), alert.severity(), alert.service(), alert.model(),
                alert.environment(), alert.firedAt(), labels, alert.signals());
    }

    /** The labels of {@code alert} that {@link #mask} masks, sorted: recorded beside the masked alert. */
    public List<String> maskedLabels(Alert alert) {
        if (alert == null || masked.isEmpty()) {
            return List.of();
        }
        return alert.labels().keySet().stream().filter(this::isMasked).sorted().toList();
    }

    private boolean isMasked(String label) {
        return masked.contains(label.toLowerCase(Locale.ROOT));
    }

    /** @param line one decision's {@link DecisionRecord} as JSON, without a line end; kept, not copied */
    public void write(byte[] line) {
        if (!enabled) {
            return;
        }
        if (writer != null) {
            writer.offer(line);
        } else if (LOG.isInfoEnabled()) {
            LOG.info(new String(line, StandardCharsets.UTF_8));
        }
    }
}
