package dev.pagerpolicy.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        MessageDigest digest = Sha256.newDigest();
        files.forEach((name, content) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
