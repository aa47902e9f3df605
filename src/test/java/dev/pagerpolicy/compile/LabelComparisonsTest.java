package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The label values a rule compares, read from its conditions: what an exploration makes up so that it may fire. */
class LabelComparisonsTest {
    private static List<Map<String, String>> labellings(String conditions) {
        return LabelComparisons.labellingsOf(ParsedDrl.of(new RuleFile("rules/r.drl", """
                package rules
                import dev.pagerpolicy.alert.Alert
                rule "r" when
                %s
                then
                end
                """.formatted(conditions))).stream().toList());
    }

    @Test
    void eachComparedValueIsReadWhateverTheWayItIsWritten() {
        assertThat(labellings("    Alert( label(\"patient_safety\") == \"true\" )"))
                .containsExactly(Map.of("patient_safety", "true"));
        assertThat(labellings("    Alert( \"eu\" == labelValue(\"region\") )")).containsExactly(Map.of("region", "eu"));
        assertThat(labellings("    Alert( labels[\"team\"] == \"db\" )")).containsExactly(Map.of("team", "db"));
        assertThat(labellings("    Alert( label(\"alertname\") in (\"Watchdog\", \"InfoInhibitor\") )"))
                .containsExactly(Map.of("alertname", "Watchdog"));
        assertThat(labellings("    Alert( labelValue(\"team\") matches \"db|storage\" )"))
                .containsExactly(Map.of("team", "db"));
    }

    @Test
    void aRulesLabelsGoTogetherAndRulesAlikeGiveOneLabelling() {
        assertThat(labellings("""
                    Alert( labelValue("severity") == "critical", labelValue("namespace") == "payments" )
                    not Alert( label("silenced") == "yes" )
                """)).containsExactly(Map.of("severity", "critical", "namespace", "payments", "silenced", "yes"));
    }

    @Test
    void whatCannotBeReadFromTheTextIsLeftToTheDomainFile() {
        assertThat(labellings("    Alert( labelValue(\"pod\") matches \"web-[0-9]+\" )")).isEmpty();
        assertThat(labellings("    Alert( labelValue(\"env\") != \"testing\" )")).isEmpty();
        assertThat(labellings("    Alert( kind.wireName() == \"latency\" )")).isEmpty();
    }
}
