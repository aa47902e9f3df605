package dev.pagerpolicy.gate;

import dev.pagerpolicy.compile.BuildIdentity;
import dev.pagerpolicy.compile.RuleCache;
import dev.pagerpolicy.compile.Sha256;
import dev.pagerpolicy.domain.Domain;
import dev.pagerpolicy.domain.DomainSpec;
import dev.pagerpolicy.evaluate.Evaluator;
import dev.pagerpolicy.explore.Explorer;
import dev.pagerpolicy.ruleset.RuleSet;
import dev.pagerpolicy.source.InvalidSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The invariants' part of the gate, one implementation for start-up, reload and {@code test}: checks the
 * invariants beside the scenarios over the domain, and remembers in the rule cache that they held, so that the
 * same files under the same limits are not checked again (a restart, a replica, the container image's own run).
 */
public final class InvariantGate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Evaluator evaluator;
    private final RuleCache cache;
    private final String build;

    public InvariantGate(Evaluator evaluator, RuleCache cache) {
        this(evaluator, cache, BuildIdentity.current().orElse(null));
    }

    /**
     * @param build which build of the service judges, or null when it cannot be told: a verdict of another build is
     *              not reused, and none is remembered without one
     */
    InvariantGate(Evaluator evaluator, RuleCache cache, String build) {
        this.evaluator = evaluator;
        this.cache = cache;
        this.build = build;
    }

    /**
     * @param results    how each invariant fared; empty when there are none, or when they held before
     * @param stated     how many invariants there are
     * @param remembered whether they held for these very files before, so were not checked again
     */
    public record Verdict(List<InvariantResult> results, int stated, boolean remembered, long tookMillis) {
        public List<InvariantResult> violated() {
            return results.stream().filter(result -> !result.holds()).toList();
        }
    }

    /** @throws InvalidSourceException when the invariants or domain file is not valid */
    public Verdict check(RuleSet candidate, Path scenariosDir) throws InvalidSourceException {
        List<Invariant> invariants = InvariantFile.load(scenariosDir, candidate.catalog());
        DomainSpec spec = DomainSpec.load(scenariosDir);
        if (invariants.isEmpty()) {
            return new Verdict(List.of(), 0, false, 0);
        }
        String key = key(candidate, scenariosDir);
        Optional<List<InvariantResult>> remembered = key == null ? Optional.empty()
                : cache.verdictHeldBefore(key).flatMap(InvariantGate::read);
        if (remembered.isPresent()) {
            return new Verdict(locatedAsStated(remembered.get(), invariants), invariants.size(), true, 0);
        }
        long started = System.nanoTime();
        List<InvariantResult> results = InvariantCheck.run(new Explorer(evaluator, Explorer.availableThreads()),
                candidate, Domain.of(candidate, spec), invariants);
        Verdict verdict = new Verdict(results, invariants.size(), false, (System.nanoTime() - started) / 1_000_000);
        if (key != null && verdict.violated().isEmpty()) {
            try {
                cache.rememberHeld(key, JSON.writeValueAsBytes(results));
            } catch (IOException e) {
                // not remembered: checked again next time
            }
        }
        return verdict;
    }

    /**
     * The remembered results at the files and lines of the invariants as stated now: the same contents may have been
     * checked from another directory.
     */
    private static List<InvariantResult> locatedAsStated(List<InvariantResult> results, List<Invariant> invariants) {
        return results.stream().map(result -> invariants.stream().filter(i -> i.name().equals(result.name()))
                .findFirst().map(i -> new InvariantResult(result.name(), i.file(), i.line(), result.checked(),
                        result.violations(), result.counterexamples(), result.inconclusive()))
                .orElse(result)).toList();
    }

    /** A remembered verdict; empty when it cannot be read, and the invariants are then checked again. */
    private static Optional<List<InvariantResult>> read(byte[] remembered) {
        try {
            return Optional.of(List.of(JSON.readValue(remembered, InvariantResult[].class)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What the verdict depends on, hashed: the rule set's own hash, the invariants and domain files, the
     * evaluator's limits, and the service's build (an upgrade may change what a decision means). The rules cannot read the clock (they see the alert's time), so the same inputs give
     * the same verdict. Null when a file cannot be read, or the build is unknown.
     */
    private String key(RuleSet candidate, Path scenariosDir) {
        if (build == null) {
            return null;
        }
        MessageDigest digest = Sha256.newDigest();
        digest.update(("invariants-v3\n" + candidate.version() + "\n" + evaluator.limits() + "\n"
                + build + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String file : List.of(InvariantFile.FILE, DomainSpec.FILE)) {
            Path path = scenariosDir.resolve(file);
            try {
                digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.isRegularFile(path) ? Files.readAllBytes(path) : new byte[0]);
            } catch (IOException e) {
                return null;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
