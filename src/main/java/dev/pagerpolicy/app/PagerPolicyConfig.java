package dev.pagerpolicy.app;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code pager-policy.*}; each can also be set as an environment variable, e.g. PAGER_POLICY_RULES_DIR. */
@ConfigMapping(prefix = "pager-policy")
public interface PagerPolicyConfig {

    /** Directory of {@code *.drl} rule files, relative to the working directory; scenarios are in its {@code tests/}. */
    @WithDefault("rules")
    String rulesDir();

    /**
     * Directory of the scenario files that gate every rule change; default: {@code tests/} inside the rules
     * directory. Kubernetes mounts each ConfigMap as one flat directory, so there it is a directory of its own.
     */
    Optional<String> scenariosDir();

    /** Directory of the policy YAML files (teams, services, models, SLA tiers, organisation). */
    @WithDefault("policies")
    String policiesDir();

    /**
     * The largest request body of every endpoint but those alerts come in by in bulk ({@code /api/v2/alerts},
     * {@code /v1/alertmanager}), which take up to {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** Rule firings allowed per decision before the rules are taken to loop and the fallback decides. */
    @WithDefault("1000")
    int maxRuleFirings();

    /**
     * Time one decision may spend in the rules before the fallback decides; far above a normal decision's cost.
     * Counted in the CPU time of the deciding thread, so that a decision waiting for a core on a busy machine is not
     * taken for a rule that runs away; a rule that blocks (uses no CPU) is stopped at 10 times it on the clock.
     */
    @WithDefault("500ms")
    Duration evaluationTimeLimit();

    /**
     * Whether every decision is searched for two routing rules of one salience that route it differently (the
     * fallback then decides, naming both). It costs about 60 % more per decision in the engine
     * (docs/PERFORMANCE.md); the verification gate searches every scenario even when it is off.
     */
    @WithDefault("true")
    boolean searchConflictsPerDecision();

    /**
     * Start, decide a few hundred alerts of every kind through the HTTP API, then stop: the workload that records
     * a Java ahead-of-time cache ({@code -XX:AOTCacheOutput}, see bin/aot-cache.sh and the Dockerfile). Never set
     * it on a serving instance.
     */
    @WithDefault("false")
    boolean trainingRun();

    Start start();

    Watch watch();

    RuleCache ruleCache();

    Security security();

    DecisionLog decisionLog();

    RecentDecisions recentDecisions();

    Alertmanager alertmanager();

    Metrics metrics();

    Correlation correlation();

    Forward forward();


    interface Start {
        /**
         * Whether the server listens while the first rule set goes through its gate (compile, scenarios,
         * invariants): liveness and start-up probes answer UP, readiness DOWN, and the API 503 with
         * {@code Retry-After} until the set is active, so that a long gate (a large catalog, a busy node) is not
         * killed as a start that hangs. Rules that fail the gate still stop the process (exit status 1). When false,
         * the server listens only once the first set is active.
         */
        @WithDefault("true")
        boolean gateWhileListening();
    }

    interface DecisionLog {
        /** Whether each decision is written as one JSON line. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Where: {@code stdout} (written in batches by a thread of its own), {@code file} (the same, to a file that
         * rotates by size) or {@code logger} (the logger "pager-policy.decisions", on the request thread, for
         * deployments that route it through log handlers).
         */
        @WithDefault("stdout")
        String destination();

        /** The file of the {@code file} destination. */
        Optional<String> file();

        /** Size at which the file is renamed to FILE.1 (FILE.1 to FILE.2 ...) and a new one begun. */
        @WithDefault("100M")
        MemorySize maxFileSize();

        /** Rotated files kept beside the current one; older ones are deleted. */
        @WithDefault("5")
        int maxFiles();

        /** Bytes of lines that may wait for the writer; beyond them a request waits, then drops its line. */
        @WithDefault("4M")
        MemorySize bufferBytes();

        /**
         * How long a request waits for room when the waiting lines reach buffer-bytes, before it drops its line and
         * counts it in pager_policy_decision_log_dropped_total; 0: drop at once, never wait.
         */
        @WithDefault("10ms")
        Duration waitLimit();

        /** Labels whose values never appear in the decision log or in GET /v1/decisions. */
        Optional<List<String>> maskedLabels();

        /**
         * How much of the newest decision log (the {@code file} destination, rotated files included) the console reads
         * for a search that the recent decisions in memory do not answer.
         */
        @WithDefault("16M")
        MemorySize consoleSearchBytes();
    }

    interface RecentDecisions {
        /** How many decisions GET /v1/decisions keeps in memory (the oldest are forgotten first). */
        @WithDefault("10000")
        int capacity();

        /**
         * The bytes of JSON (their decision-log lines) the kept decisions may hold, in arrays of at most 1 MiB
         * allocated as they fill; alerts with large labels are forgotten sooner, and a decision over 1 MiB is not
         * kept. Keep it well under the heap (-Xmx): the default suits the 128 MiB heap the README starts the
         * service with.
         */
        @WithDefault("16M")
        MemorySize maxBytes();

        /**
         * The most JSON one answer of GET /v1/decisions may hold: it stays in memory until its client has read
         * it, so this and the connection limit bound what slow clients can pin.
         */
        @WithDefault("128K")
        MemorySize maxResponseBytes();
    }

    interface Correlation {
        /**
         * Where the alerts still firing are kept: {@code memory} (one replica; nothing to install), {@code redis}
         * (shared by every replica; {@code quarkus.redis.hosts} says where Redis is), or {@code none} (every alert
         * is decided alone).
         */
        @WithDefault("memory")
        String store();

        /**
         * How long an alert that is never resolved counts as firing after it was decided, as Alertmanager's
         * {@code resolve_timeout}; an alert's own {@code endsAt} ends it sooner.
         */
        @WithDefault("5m")
        Duration resolveTimeout();
    }

    /** Where decided alerts go on to: Alertmanagers whose receivers deliver them ({@code POST /api/v2/alerts}). */
    interface Forward {
        /**
         * Base URLs of the Alertmanagers (e.g. {@code http://alertmanager:9093}); each gets every copy, as Prometheus
         * treats an Alertmanager cluster. None: alerts posted to {@code /api/v2/alerts} are decided and logged, and
         * forwarded nowhere.
         */
        Optional<List<String>> alertmanagers();

        /**
         * Copies held for each Alertmanager while it cannot be reached; when they would not fit, the alerts posted
         * are answered 503 with {@code Retry-After}, and the sender keeps them.
         */
        @WithDefault("50000")
        int queueSize();

        /** Copies sent to an Alertmanager in one request at most. */
        @WithDefault("500")
        int batchSize();

        /** Alerts whose copies are remembered, for resends and resolves; the least recently sent are forgotten first. */
        @WithDefault("100000")
        int remembered();
    }

    interface Metrics {
        /**
         * Whether rule firings are counted per rule ({@code pager_policy_rule_firings_total{rule=...}}): one series per
         * rule of the active rule set, so off unless asked for.
         */
        @WithDefault("false")
        boolean ruleFirings();
    }

    interface Alertmanager {
        /** The label that carries the alert kind (outage, model_drift, ...). */
        @WithDefault("kind")
        String kindLabel();

        @WithDefault("severity")
        String severityLabel();

        @WithDefault("service")
        String serviceLabel();

        @WithDefault("model")
        String modelLabel();

        /** An alert without this label is taken to come from production. */
        @WithDefault("env")
        String environmentLabel();

        /** The label echoed as the decision's alertId. */
        @WithDefault("alertname")
        String idLabel();
    }

    interface Watch {
        /** Whether changes to the rule and policy directories trigger a reload. */
        @WithDefault("true")
        boolean enabled();

        /** How long a burst of file changes must be quiet before the one reload it causes. */
        @WithDefault("500ms")
        Duration debounce();
    }

    interface RuleCache {
        /** Whether compiled rules are kept on disk, so that a start or reload of rules compiled before is fast. */
        @WithDefault("true")
        boolean enabled();

        /** Where compiled rules are kept; as trusted as the rules directory, since the service runs what it holds. */
        @WithDefault("${user.home}/.cache/pager-policy/compiled-rules")
        String dir();

        /** How many compiled rule files (or rule sets compiled as one) are kept; the least recently used go first. */
        @WithDefault("" + dev.pagerpolicy.compile.RuleCache.DEFAULT_MAX_ENTRIES)
        int maxEntries();
    }

    interface Security {
        /** Bearer keys for admin operations (reload). None: admin operations are disabled. */
        Optional<List<String>> adminKeys();

        /** Bearer keys for deciding and reading. None: those endpoints are open. */
        Optional<List<String>> decideKeys();
    }
}
