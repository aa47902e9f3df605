package dev.pagerpolicy.compile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which names rule sets ({@link PolicyVersion}), compiled rules ({@link RuleCacheKey}) and gate verdicts. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
