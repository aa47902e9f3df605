package dev.pagerpolicy.reload;

import dev.pagerpolicy.engine.RuleSet;
import dev.pagerpolicy.engine.RuleSetLoader;
import dev.pagerpolicy.explore.Domain;
import dev.pagerpolicy.explore.DomainSpec;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.explore.Invariant;
import dev.pagerpolicy.explore.InvariantCheck;
import dev.pagerpolicy.explore.InvariantFile;
import dev.pagerpolicy.explore.InvariantResult;
import dev.pagerpolicy.scenario.Scenario;
import dev.pagerpolicy.scenario.ScenarioLoader;
import dev.pagerpolicy.scenario.ScenarioRunner;
import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.source.Located;
import dev.pagerpolicy.source.Problem;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The gate every rule set passes before it may decide, at start-up and on each reload: it must compile, its
 * policies must validate, every scenario beside the rules must pass against it, and every invariant beside them
 * must hold for every alert of the domain.
 */
public final class RuleSetVerifier {
    private static final Logger LOG = Logger.getLogger(RuleSetVerifier.class);

    private final RuleSetLoader loader;
    private final ScenarioRunner scenarios;
    private final Validator validator;
    private final Path rulesDir;
    private final Path policiesDir;
    private final Path scenariosDir;

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

    /** @throws InvalidSourceException with every problem, failing scenarios included, as {@code FILE:LINE: message} */
    public RuleSet buildVerified() throws InvalidSourceException {
        RuleSet candidate = loader.load(rulesDir, policiesDir);
        List<Located<Scenario>> cases = ScenarioLoader.load(scenariosDir, validator);
        if (cases.isEmpty()) {
            String warning = "no scenarios in " + scenariosDir + ": rule changes go live without a test";
            LOG.warn(warning);
            candidate = candidate.withWarning(warning);
        }
        List<Problem> failures = new ArrayList<>(scenarios.runAll(candidate, cases).stream()
                .filter(result -> !result.passed())
                .map(result -> new Problem(result.file(), result.line(), result.summary()))
                .toList());
        failures.addAll(violatedInvariants(candidate));
        if (!failures.isEmpty()) {
            throw new InvalidSourceException(failures);
        }
        return candidate;
    }

    /** Each invariant the candidate breaks, with its smallest counterexamples. */
    private List<Problem> violatedInvariants(RuleSet candidate) throws InvalidSourceException {
        List<Invariant> invariants = InvariantFile.load(scenariosDir, candidate.catalog());
        if (invariants.isEmpty()) {
            return List.of();
        }
        String verdict = verdictKey(candidate);
        if (verdict != null && loader.cache().heldBefore(verdict)) {
            return List.of(); // the very same rules, policies, invariants, domain and limits passed before
        }
        long started = System.nanoTime();
        Domain domain = Domain.of(candidate.catalog(), DomainSpec.load(scenariosDir));
        List<InvariantResult> results = InvariantCheck.run(new Explorer(scenarios.evaluator(),
                Explorer.availableThreads()), candidate, domain, invariants);
        LOG.infof("%d invariants checked over a domain of %d alerts in %d ms", invariants.size(), domain.size(),
                (System.nanoTime() - started) / 1_000_000);
        List<Problem> violated = results.stream().filter(result -> !result.holds()).map(InvariantResult::problem).toList();
        if (violated.isEmpty() && verdict != null) {
            loader.cache().rememberHeld(verdict);
        }
        return violated;
    }

    /**
     * What the invariants' verdict depends on, hashed: the rule set's own hash, the invariants and domain files,
     * and the evaluator's limits. The rules cannot read the clock (they see the alert's time), so the same inputs
     * give the same verdict. Null when a file cannot be read.
     */
    private String verdictKey(RuleSet candidate) {
        MessageDigest digest = sha256();
        digest.update(("invariants-v1\n" + candidate.version() + "\n" + scenarios.evaluator().limits() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String file : List.of(InvariantFile.FILE, DomainSpec.FILE)) {
            Path path = scenariosDir.resolve(file);
            try {
                digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.isRegularFile(path) ? Files.readAllBytes(path) : new byte[0]);
            } catch (IOException e) {
                return null; // then checked, and not remembered
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
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
