package dev.pagerpolicy.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;

/**
 * The content hash that names a rule set: SHA-256 over every file's name and bytes, in name order, shortened
 * to 12 hex digits. The same files always give the same version, on any machine.
 */
public final class PolicyVersion {
    private PolicyVersion() {
    }

    /** @param files file name (relative to its directory, with the directory's role as prefix) to content */
    public static String of(SortedMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
