package dev.pagerpolicy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.ChangesServiceSettings;
import dev.pagerpolicy.testing.NoLeakedSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The commands read the service's configuration as the service does: its defaults, its file, its overrides. */
@ChangesServiceSettings
@ExtendWith(NoLeakedSettings.class)
class ServiceConfigurationTest {
    @Test
    void theServicesDefaultsAndFileAreRead() {
        PagerPolicyConfig config = ServiceConfiguration.read(Map.of());

        assertThat(config.rulesDir()).isEqualTo("rules");
        assertThat(config.evaluationTimeLimit()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxRuleFirings()).isEqualTo(1000);
        assertThat(config.correlation().resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.ruleCache().dir()).isEqualTo(System.getProperty("user.home") + "/.cache/pager-policy/compiled-rules");
    }

    @Test
    void optionsComeBeforeSystemPropertiesWhichComeBeforeTheFile() {
        System.setProperty("pager-policy.evaluation-time-limit", "2s");
        System.setProperty("pager-policy.max-rule-firings", "77");
        try {
            PagerPolicyConfig config = ServiceConfiguration.read(Map.of("pager-policy.max-rule-firings", "50"));

            assertThat(config.evaluationTimeLimit()).isEqualTo(Duration.ofSeconds(2));
            assertThat(config.maxRuleFirings()).isEqualTo(50);
        } finally {
            System.clearProperty("pager-policy.evaluation-time-limit");
            System.clearProperty("pager-policy.max-rule-firings");
        }
    }
}
