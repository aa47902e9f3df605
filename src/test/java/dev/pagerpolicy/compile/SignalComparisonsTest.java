package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signal values a rule's comparisons accept, read from its conditions. */
class SignalComparisonsTest {
    private static List<Map<String, Double>> signallings(String conditions) {
        return SignalComparisons.signallingsOf(ParsedDrl.of(new RuleFile("rules/r.drl", """
                package rules
                import dev.pagerpolicy.alert.Alert
                rule "r" when
                %s
                then
                end
                """.formatted(conditions))).stream().toList());
    }

    @Test
    void aValueEachComparisonAcceptsIsRead() {
        assertThat(signallings("    Alert( signal(\"driftScore\") > 0.3 )")).containsExactly(Map.of("driftScore", 0.4));
        assertThat(signallings("    Alert( signal(\"p99\") <= 250 )")).containsExactly(Map.of("p99", 250.0));
        assertThat(signallings("    Alert( signal(\"errors\") < 10 )")).containsExactly(Map.of("errors", 9.0));
        assertThat(signallings("    Alert( 0.3 < signal(\"driftScore\") )")).containsExactly(Map.of("driftScore", 0.4));
        assertThat(signallings("    Alert( signal(\"driftScore\") > 0.3, signal(\"psi\") >= 0.2 )"))
                .containsExactly(Map.of("driftScore", 0.4, "psi", 0.2));
    }

    @Test
    void aThresholdTheTextDoesNotGiveIsLeftToTheDomainFile() {
        assertThat(signallings("    Alert( signal(\"driftScore\") == null )")).isEmpty();
        assertThat(signallings("    Alert( signal(\"a\") > signal(\"b\") )")).isEmpty();
    }
}
