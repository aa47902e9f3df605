package dev.pagerpolicy.reload;

import dev.pagerpolicy.compile.RuleSetLoader;
import dev.pagerpolicy.gate.Coverage;
import dev.pagerpolicy.gate.InvariantGate;
import dev.pagerpolicy.gate.InvariantResult;
import dev.pagerpolicy.gate.Scenario;
import dev.pagerpolicy.gate.ScenarioLoader;
import dev.pagerpolicy.gate.ScenarioResult;
import dev.pagerpolicy.gate.ScenarioRunner;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.ConcurrentRead;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The gate every rule set passes before it may decide, at start-up and on each reload, in stages that stop at the
 * first that fails: it must compile and its policies must validate, then every scenario beside the rules must pass
 * against it, then every invariant beside them must hold for every alert of the domain.
 */
public final class RuleSetVerifier {
    private static final Logger LOG = Logger.getLogger(RuleSetVerifier.class);

    private final RuleSetLoader loader;
    private final ScenarioRunner scenarios;
    private final Validator validator;
    private final Path rulesDir;
    private final Path policiesDir;
    private final Path scenariosDir;
    /** The reports of the last rule sets let through: the active one's, and a few before it. */
    private final Map<String, GateReport> reports = Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, GateReport> eldest) {
                    return size() > REPORTS_KEPT;
                }
            });
    private static final int REPORTS_KEPT = 4;
    /** What the gate is doing, while it runs: what operators watching a long one (a start, a reload) are told. */
    private final AtomicReference<Stage> stage = new AtomicReference<>();

    /** A stage of the gate under way: what it does ("running 51 scenarios") and since when. */
    public record Stage(String doing, Instant since) {
    }

    public RuleSetVerifier(RuleSetLoader loader, ScenarioRunner scenarios, Validator validator, Path rulesDir,
                           Path policiesDir) {
        this(loader, scenarios, validator, rulesDir, policiesDir, rulesDir.resolve("tests"));
    }

    public RuleSetVerifier(RuleSetLoader loader, ScenarioRunner scenarios, Validator validator, Path rulesDir,
                           Path policiesDir, Path scenariosDir) {
        this.loader = loader;
        this.scenarios = scenarios;
        this.validator = validator;
        this.rulesDir = rulesDir;
        this.policiesDir = policiesDir;
        this.scenariosDir = scenariosDir;
    }

    /**
     * Another rule set, compiled and checked like the active one's files but not gated and never made active: a
     * candidate to compare with it.
     *
     * @throws InvalidSourceException with every problem as {@code FILE:LINE: message}
     */
    public RuleSet compileCandidate(Path candidateRules, Path candidatePolicies) throws InvalidSourceException {
        return loader.load(candidateRules, candidatePolicies);
    }

    /**
     * What the gate found, stage by stage: the rule set, every scenario's result, and the invariants' verdict, which
     * is absent when a scenario failed (the gate stops at its first failing stage). {@code test} reports it whole.
     */
    public record GateRun(RuleSet ruleSet, List<ScenarioResult> scenarios, Optional<InvariantGate.Verdict> invariants) {
        public GateRun {
            scenarios = List.copyOf(scenarios);
        }

        public List<ScenarioResult> failedScenarios() {
            return scenarios.stream().filter(result -> !result.passed()).toList();
        }
    }

    /**
     * Runs the gate's stages: load (compile, validate), scenarios, then invariants only when every scenario passed.
     *
     * @throws InvalidSourceException when the files do not load, or the invariants or domain file is not valid
     */
    public GateRun run() throws InvalidSourceException {
        try {
            // The scenarios are read while the rule set loads; a rule set with problems is reported without them,
            // as before, and the read is left to end on its own.
            entering("compiling the rules and reading the policies");
            ConcurrentRead<List<Located<Scenario>>> scenarioRead = ConcurrentRead.start("scenarios-reader",
                    () -> ScenarioLoader.load(scenariosDir, validator));
            RuleSet candidate = loader.load(rulesDir, policiesDir);
            List<Located<Scenario>> cases = scenarioRead.join();
            entering("running " + cases.size() + " scenarios");
            List<ScenarioResult> results = scenarios.runAll(candidate, cases);
            // Each stage only when the one before passed: invariants over every alert are wasted on a rule set whose
            // scenarios already failed, and would bury the failure that matters.
            if (results.stream().anyMatch(result -> !result.passed())) {
                return new GateRun(candidate, results, Optional.empty());
            }
            entering("checking the invariants over every alert of the domain");
            return new GateRun(candidate, results, Optional.of(new InvariantGate(scenarios.evaluator(),
                    loader.cache()).check(candidate, scenariosDir)));
        } finally {
            stage.set(null);
        }
    }

    private void entering(String doing) {
        stage.set(new Stage(doing, Instant.now()));
    }

    /** The stage under way, while the gate runs. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage.get());
    }

    /** @throws InvalidSourceException with every problem, failing scenarios included, as {@code FILE:LINE: message} */
    public RuleSet buildVerified() throws InvalidSourceException {
        GateRun run = run();
        RuleSet candidate = run.ruleSet();
        if (run.scenarios().isEmpty()) {
            String warning = "no scenarios in " + scenariosDir + ": rule changes go live without a test";
            LOG.warn(warning);
            candidate = candidate.withWarning(warning);
        }
        for (ScenarioResult inconclusive : run.scenarios().stream().filter(ScenarioResult::inconclusive).toList()) {
            LOG.warn(inconclusive.inconclusiveLine());
            candidate = candidate.withWarning(inconclusive.inconclusiveLine());
        }
        List<Problem> failedScenarios = run.failedScenarios().stream()
                .map(result -> new Problem(result.file(), result.line(), result.summary()))
                .toList();
        if (!failedScenarios.isEmpty()) {
            throw new InvalidSourceException(failedScenarios);
        }
        InvariantGate.Verdict verdict = run.invariants().orElseThrow();
        if (!verdict.results().isEmpty() && !verdict.remembered()) {
            LOG.infof("%d invariants checked over every alert of the domain in %d ms", verdict.stated(),
                    verdict.tookMillis());
        }
        List<Problem> violated = verdict.violated().stream().map(InvariantResult::problem).toList();
        if (!violated.isEmpty()) {
            throw new InvalidSourceException(violated);
        }
        for (InvariantResult unknown : verdict.results().stream().filter(r -> r.inconclusive() > 0).toList()) {
            LOG.warn(unknown.inconclusiveLine());
            candidate = candidate.withWarning(unknown.inconclusiveLine());
        }
        GateReport report = new GateReport(candidate.version(), run.scenarios().size(),
                Coverage.of(candidate, run.scenarios()), verdict.results(), verdict.stated(), verdict.remembered());
        reports.put(candidate.version(), report);
        return candidate;
    }

    /** What the gate found for the rule set of that version, when it let it through recently. */
    public Optional<GateReport> reportOf(String version) {
        return Optional.ofNullable(reports.get(version));
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path policiesDir() {
        return policiesDir;
    }

    public Path scenariosDir() {
        return scenariosDir;
    }
}
