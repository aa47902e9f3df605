package dev.pagerpolicy.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagerpolicy.app.RefusedToStartException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys are read as operators write them, and a key that would leave the service broken stops its start. */
class ApiKeysTest {
    private static final String ADMIN = "admin-key-0123456789";
    private static final String DECIDE = "decide-key-0123456789";

    @Test
    void aKeyShorterThanSixteenCharactersRefusesTheStart() {
        assertThatThrownBy(() -> new ApiKeys(Optional.empty(), Optional.of(List.of(DECIDE, "short-key"))))
                .isInstanceOf(RefusedToStartException.class)
                .hasMessage("pager-policy cannot start: pager-policy.security.decide-keys: key #2 is shorter than 16"
                        + " characters; use a random key such as the output of `openssl rand -hex 32`");
    }

    @Test
    void spacesAroundKeysInAListAreNotPartOfTheKeys() {
        // SmallRye splits "k1, k2" at the comma and keeps the space before k2.
        ApiKeys keys = new ApiKeys(Optional.of(List.of(ADMIN)), Optional.of(List.of(DECIDE, " second-decide-key-0123")));
        assertThat(keys.grantFor("second-decide-key-0123").keyName()).isEqualTo("decide key #2");
        assertThat(keys.grantFor(DECIDE).roles()).containsExactly(Roles.DECIDE);
        assertThat(keys.grantFor(ADMIN).roles()).containsExactlyInAnyOrder(Roles.ADMIN, Roles.DECIDE);
        assertThat(keys.grantFor(" second-decide-key-0123").granted()).isFalse();
    }

    @Test
    void withoutDecideKeysDecidingIsOpenAndWithoutAdminKeysReloadIsOff() {
        ApiKeys keys = new ApiKeys(Optional.empty(), Optional.empty());
        assertThat(keys.decideOpen()).isTrue();
        assertThat(keys.adminEnabled()).isFalse();
    }

    @Test
    void keysThatAreSetButHoldNoKeyRefuseTheStart() {
        for (List<String> blank : List.of(List.of(" "), List.of("", ""), List.<String>of())) {
            assertThatThrownBy(() -> new ApiKeys(Optional.empty(), Optional.of(blank)))
                    .as("decide keys %s", blank)
                    .isInstanceOf(RefusedToStartException.class)
                    .hasMessage("pager-policy cannot start: pager-policy.security.decide-keys is set but holds no key"
                            + " (an empty secret?); give it a key, or remove the setting to leave deciding open");
        }
        assertThatThrownBy(() -> new ApiKeys(Optional.of(List.of("", " ")), Optional.empty()))
                .hasMessage("pager-policy cannot start: pager-policy.security.admin-keys is set but holds no key"
                        + " (an empty secret?); give it a key, or remove the setting to leave reload off");
    }

    @Test
    void anEmptyValueInTheConfigurationIsSetNotAbsent() {
        // SmallRye reads "" as no value at all: whether the setting was given is read from its raw value.
        for (String empty : List.of("", " ", ",")) {
            org.eclipse.microprofile.config.Config config = new io.smallrye.config.SmallRyeConfigBuilder()
                    .withSources(new io.smallrye.config.PropertiesConfigSource(
                            java.util.Map.of("pager-policy.security.decide-keys", empty), "test", 500))
                    .build();
            assertThat(ApiKeys.keysOf(config, "pager-policy.security.decide-keys")).as("\"%s\"", empty).isPresent();
            assertThat(ApiKeys.keysOf(config, "pager-policy.security.admin-keys")).isEmpty();
        }
    }
}
