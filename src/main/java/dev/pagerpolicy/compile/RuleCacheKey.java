package dev.pagerpolicy.compile;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Names a compiled rule set by everything its class files depend on: the rule texts in build order, the
 * service's own classes (the fact model the rules are compiled against), the Drools build that generated them
 * and the JVM. Change any of them and the key changes, so a cached entry is never loaded against code it was
 * not compiled for.
 */
final class RuleCacheKey {
    private static final String FORMAT = "pager-policy compiled rules v1";

    private RuleCacheKey() {
    }

    /** Empty when this build of the service cannot be told apart from another, and so nothing may be cached. */
    static Optional<String> of(List<RuleFile> files) {
        return BuildIdentity.current().map(build -> {
            MessageDigest digest = Sha256.newDigest();
            update(digest, FORMAT);
            update(digest, build);
            for (RuleFile file : files) {
                update(digest, file.text());
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    private static void update(MessageDigest digest, String text) {
        BuildIdentity.update(digest, text);
    }
}
