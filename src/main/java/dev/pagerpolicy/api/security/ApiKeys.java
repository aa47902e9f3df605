package dev.pagerpolicy.api.security;

import dev.pagerpolicy.app.PagerPolicyConfig;
import dev.pagerpolicy.app.RefusedToStartException;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.Set;

/**
 * The configured bearer keys and the roles they grant. Several keys per role can be active at once, so that
 * a key can be rotated without downtime. Keys are kept only as SHA-256 digests and compared in constant time;
 * they are never logged.
 */
@Startup
@Singleton
public class ApiKeys {
    /** Shorter keys are guessable; the service refuses to start with one. */
    static final int MIN_KEY_LENGTH = 16;

    private record Entry(byte[] digest, String role, int number) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final boolean decideOpen;
    private final boolean adminEnabled;

    /**
     * Built while the service starts, not on the first request, so that a bad key stops the start with a clear
     * message instead of answering every protected request with a 500.
     */
    @Inject
    public ApiKeys(PagerPolicyConfig config) {
        this(keysOf(ConfigProvider.getConfig(), ADMIN_KEYS), keysOf(ConfigProvider.getConfig(), DECIDE_KEYS));
    }

    ApiKeys(Optional<List<String>> adminKeys, Optional<List<String>> decideKeys) {
        adminEnabled = add(adminKeys, Roles.ADMIN, ADMIN_KEYS, "leave reload off") > 0;
        decideOpen = add(decideKeys, Roles.DECIDE, DECIDE_KEYS, "leave deciding open") == 0;
    }

    private static final String ADMIN_KEYS = "pager-policy.security.admin-keys";
    private static final String DECIDE_KEYS = "pager-policy.security.decide-keys";

    /**
     * The keys a setting gives, or empty when it is not set at all. SmallRye reads an empty value as no value, so
     * a key file that came out empty would silently leave deciding open: whether the setting was given is read
     * from its raw value instead, and a setting given without a key stops the start.
     */
    static Optional<List<String>> keysOf(Config config, String property) {
        String raw = config.getConfigValue(property).getRawValue();
        return raw == null ? Optional.empty() : Optional.of(List.of(raw.split(",", -1)));
    }

    /** @return how many keys were added */
    private int add(Optional<List<String>> keys, String role, String property, String withoutTheSetting) {
        // "k1, k2" is how people write lists: the spaces around a key are not part of it.
        List<String> list = keys.orElse(List.of()).stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
        if (keys.isPresent() && list.isEmpty()) {
            throw RefusedToStartException.misconfigured(property + " is set but holds no key (an empty secret?);"
                    + " give it a key, or remove the setting to " + withoutTheSetting);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).length() < MIN_KEY_LENGTH) {
                throw RefusedToStartException.misconfigured(property + ": key #" + (i + 1) + " is shorter than "
                        + MIN_KEY_LENGTH + " characters; use a random key such as the output of"
                        + " `openssl rand -hex 32`");
            }
            entries.add(new Entry(digest(list.get(i)), role, i + 1));
        }
        return list.size();
    }

    /**
     * The roles {@code key} grants, or an empty set for an unknown key. Every configured key is compared,
     * whatever matched, so that timing does not reveal which key or how much of it was right.
     */
    public Grant grantFor(String key) {
        byte[] digest = digest(key);
        Set<String> roles = new HashSet<>();
        String name = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                roles.add(entry.role());
                if (entry.role().equals(Roles.ADMIN)) {
                    roles.add(Roles.DECIDE); // an admin may do what a decide key may
                }
                name = entry.role() + " key #" + entry.number();
            }
        }
        return new Grant(name, Set.copyOf(roles));
    }

    /** A key's roles and a name that identifies it without revealing it, e.g. "admin key #2". */
    public record Grant(String keyName, Set<String> roles) {
        public boolean granted() {
            return !roles.isEmpty();
        }
    }

    public boolean decideOpen() {
        return decideOpen;
    }

    public boolean adminEnabled() {
        return adminEnabled;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
