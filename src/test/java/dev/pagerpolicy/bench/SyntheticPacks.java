package dev.pagerpolicy.bench;

import dev.pagerpolicy.testing.Packs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates rule and policy packs of a chosen size from the shipped one, for benchmarks. */
public final class SyntheticPacks {
    private SyntheticPacks() {
    }

    /** How many override rules each synthetic file holds: a large pack is kept in many files, one per team or area. */
    public static final int RULES_PER_FILE = 50;

    /**
     * The shipped pack plus {@code extraRules} per-service overrides, written in the shape the README recommends
     * for large rule sets, {@value #RULES_PER_FILE} to a file ({@code synthetic-overrides-NN.drl}).
     */
    public static Path withExtraRules(int extraRules) throws IOException {
        Path dir = Files.createTempDirectory("pager-policy-rules");
        Packs.copyShipped(dir);
        for (int first = 0; first < extraRules; first += RULES_PER_FILE) {
            StringBuilder drl = new StringBuilder("""
                    package rules

                    import dev.pagerpolicy.alert.Alert
                    import dev.pagerpolicy.alert.AlertKind
                    import dev.pagerpolicy.catalog.Service
                    import dev.pagerpolicy.decision.Action
                    import dev.pagerpolicy.decision.DecisionDraft
                    """);
            for (int i = first; i < Math.min(first + RULES_PER_FILE, extraRules); i++) {
                drl.append("""

                        rule "Override for service svc-%1$05d"
                        when
                            $draft : DecisionDraft( undecided )
                            Service( $onCall : onCallTeam )
                            Alert( service == "svc-%1$05d", kind == AlertKind.OUTAGE )
                        then
                            $draft.route($onCall, Action.PAGE, "svc-%1$05d has its own override");
                        end
                        """.formatted(i));
            }
            Files.writeString(overridesFile(dir, first / RULES_PER_FILE), drl);
        }
        return dir;
    }

    /** The {@code index}th file of overrides written by {@link #withExtraRules}. */
    public static Path overridesFile(Path dir, int index) {
        return dir.resolve("rules/synthetic-overrides-%02d.drl".formatted(index));
    }

    /** The shipped pack with {@code extraServices} more services in the catalog. */
    public static Path withExtraServices(int extraServices) throws IOException {
        Path dir = Files.createTempDirectory("pager-policy-catalog");
        Packs.copyShipped(dir);
        StringBuilder yaml = new StringBuilder(Files.readString(dir.resolve("policies/services.yaml")));
        for (int i = 0; i < extraServices; i++) {
            yaml.append("""
                      - name: svc-%05d
                        tier: tier-%d
                        onCallTeam: platform-sre
                        devTeam: payments-dev
                    """.formatted(i, 1 + i % 3));
        }
        Files.writeString(dir.resolve("policies/services.yaml"), yaml);
        return dir;
    }

    /** The shipped policies with a rules directory whose only file declares no rule: the engine's floor. */
    public static Path withNoRules() throws IOException {
        Path dir = Files.createTempDirectory("pager-policy-empty");
        Packs.copyShipped(dir);
        try (var files = Files.list(dir.resolve("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(dir.resolve("rules/empty.drl"), "package rules\n");
        return dir;
    }
}
