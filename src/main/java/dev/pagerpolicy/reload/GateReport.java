package dev.pagerpolicy.reload;

import dev.pagerpolicy.gate.Coverage;
import dev.pagerpolicy.gate.InvariantResult;
import java.util.List;

/**
 * What the gate found for a rule set it let through: how many scenarios passed and which rules they made fire, and
 * each invariant's verdict over every alert of the domain.
 *
 * @param version    the rule set's version
 * @param scenarios  how many scenarios it passed
 * @param coverage   the rules the scenarios made fire, and those they did not
 * @param invariants each invariant's result; empty when none are stated or the verdict was {@code remembered}
 * @param stated     how many invariants are stated
 * @param remembered whether the invariants held for these very files and build before, and were not checked again
 */
public record GateReport(String version, int scenarios, Coverage coverage, List<InvariantResult> invariants,
                         int stated, boolean remembered) {
    public GateReport {
        invariants = List.copyOf(invariants);
    }
}
