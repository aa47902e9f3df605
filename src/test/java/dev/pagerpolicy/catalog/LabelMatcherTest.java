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
                .hasMessage("matcher \"a=~\"(unclosed\"\": invalid regular expression (missing closing ))");
    }

    /**
     * RE2 matches in time linear in the value and without recursion. Java's backtracking engine took exponential
     * time on the first (a decision that never answers) and overflowed the stack on the second. The limit is only so
     * that a regression fails instead of hanging the build; the answer comes in milliseconds.
     */
    @org.junit.jupiter.api.Test
    void aLongValueAgainstANestedQuantifierIsAnsweredWithoutBacktracking() {
        String longValue = "x".repeat(4_000);
        String podName = "checkout-7d9f-".repeat(300);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            assertThat(LabelMatcher.parse("team=~\"(x+x+)+y\"").matches(Map.of("team", longValue))).isFalse();
            assertThat(LabelMatcher.parse("pod=~\"([a-z0-9]|-)+\"").matches(Map.of("pod", podName))).isTrue();
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '#', value = {
        "x=~\"[[:alpha:]]+\"   # checkout   # true",   // a POSIX class; Java read it as the letters of \":alph\"
        "x=~\"[[:alpha:]]+\"   # Straße     # false",  // ASCII letters only
        "x=~\"(?i)STRASSE\"    # strasse    # true",
    })
    void classesReadAsRe2ReadsThem(String matcher, String value, boolean matches) {
        assertThat(LabelMatcher.parse(matcher.strip()).matches(Map.of("x", value.strip()))).isEqualTo(matches);
    }
}
