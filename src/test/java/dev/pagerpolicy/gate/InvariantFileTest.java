package dev.pagerpolicy.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagerpolicy.source.InvalidSourceException;
import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvariantFileTest {
    @TempDir
    Path dir;

    @Test
    void everyMistakeIsReportedAtItsLine() {
        Packs.write(dir.resolve("invariants.yaml"), """
                - name: drift never pages
                  when: {kind: driftt}
                  never: {action: page}
                - name: nobody wakes sre-db
                  never: {target.team: sre-db, action: pages}
                - name: both
                  never: {action: page}
                  always: {action: ticket}
                - name: drift never pages
                  when: {team: platform-sre}
                  always: {notBefore: "2026-01-01T00:00:00Z", target.team: $service.owner}
                """);

        assertThatThrownBy(() -> InvariantFile.load(dir, Packs.shipped().catalog()))
                .isInstanceOf(InvalidSourceException.class)
                .extracting(e -> ((InvalidSourceException) e).problems().stream().map(Object::toString).toList())
                .asList().containsExactly(
                        dir.resolve("invariants.yaml") + ":2: invariant \"drift never pages\": when.kind: \"driftt\" is"
                                + " not a kind (outage, error_rate, latency, saturation, model_drift, concept_drift,"
                                + " model_performance, data_quality, data_pipeline, training_pipeline, other)",
                        dir.resolve("invariants.yaml") + ":5: invariant \"nobody wakes sre-db\": never.target.team: team"
                                + " \"sre-db\" is not defined in the policies",
                        dir.resolve("invariants.yaml") + ":5: invariant \"nobody wakes sre-db\": never.action: \"pages\""
                                + " is not an action (page, ticket, automate, notify, ignore)",
                        dir.resolve("invariants.yaml") + ":8: invariant \"both\": state either \"never\" or \"always\","
                                + " not both",
                        dir.resolve("invariants.yaml") + ":10: invariant \"drift never pages\": when.team is not a field"
                                + " here (fields: environment, kind, maintenance, model, outage, production, service, severity, tier, and labels.NAME)",
                        dir.resolve("invariants.yaml") + ":11: invariant \"drift never pages\": always.notBefore: only"
                                + " null can be stated (a page that does not wait); use deferred: true for one that does",
                        dir.resolve("invariants.yaml") + ":11: invariant \"drift never pages\": always.target.team:"
                                + " \"$service.owner\" is not a reference here (escalation, paged.team, target.team may name one of"
                                + " $model.dataScienceTeam, $model.mlTeam, $service.dataTeam, $service.devTeam,"
                                + " $service.onCallTeam)",
                        dir.resolve("invariants.yaml") + ":9: invariant \"drift never pages\" is already defined at "
                                + dir.resolve("invariants.yaml") + ":1");
    }

    @Test
    void noFileMeansNoInvariants() throws Exception {
        assertThat(InvariantFile.load(dir, Packs.shipped().catalog())).isEmpty();
    }
}
