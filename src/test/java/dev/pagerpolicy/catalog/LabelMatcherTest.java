package dev.pagerpolicy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Alertmanager's matcher semantics, as its routing tree applies them to an alert's labels. */
class LabelMatcherTest {
    private static final Map<String, String> LABELS = Map.of("alertname", "KubePodCrashLooping", "namespace", "payments",
            "severity", "warning");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '#', value = {
        "namespace=\"payments\"        # true",
        "namespace=payments            # true",
        "namespace!=\"payments\"       # false",
        "namespace=~\"pay.*\"          # true",
        "namespace=~\"pay\"            # false",   // anchored: the whole value must match
        "namespace=~\"ay\"             # false",
        "namespace!~\"pay.*\"          # false",
        "team=\"\"                     # true",    // an absent label reads as ""
        "team!=\"\"                    # false",
        "team=~\".*\"                  # true",
        "team=~\".+\"                  # false",
        "alertname=~\"Kube.*|Node.*\"  # true",    // alternation inside the anchors
        "alertname=~\"Node.*|Kube.*\"  # true",
        " severity = \"warning\"       # true",
    })
    void matchesAsAlertmanagerDoes(String matcher, boolean matches) {
        assertThat(LabelMatcher.parse(matcher.strip()).matches(LABELS)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"namespace", "=\"x\"", "name space=\"x\"", "namespace==\"x\""})
    void whatIsNotAMatcherIsRefusedSayingTheForm(String text) {
        assertThatThrownBy(() -> LabelMatcher.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matcher \"" + text + "\" is not of the form label=\"value\" (or !=, =~, !~)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=~\"(x)\\\\1\"", "a=~\"x(?=y)\"", "a=~\"(?<!y)x\"", "a=~\"x*+\"", "a=~\"(?>x)\""})
    void aRegularExpressionAlertmanagerReadsOtherwiseIsRefused(String text) {
        assertThatThrownBy(() -> LabelMatcher.parse(text)).hasMessageContaining("the regular expression uses what"
                + " Alertmanager's (RE2) does not read");
    }

    @org.junit.jupiter.api.Test
    void anInvalidRegularExpressionIsRefusedSayingWhy() {
        assertThatThrownBy(() -> LabelMatcher.parse("a=~\"(unclosed\""))
                .hasMessage("matcher \"a=~\"(unclosed\"\": invalid regular expression (Unclosed group)");
    }
}
