package dev.pagerpolicy.alert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert's fingerprint as Prometheus and Alertmanager compute it from its labels: FNV-1a (64 bits) over the labels
 * sorted by name, each name and value followed by the byte 0xff (which no UTF-8 text contains), written as 16
 * lowercase hexadecimal digits. What makes an alert the same one when it is sent again is its labels: a fingerprint
 * a sender states is never taken on trust, since anyone could state another alert's to resolve it.
 */
public final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0xff;

    private Fingerprint() {
    }

    /** The fingerprint of {@code labels} (none: the fingerprint of the empty set). */
    public static String of(Map<String, String> labels) {
        long hash = OFFSET;
        if (labels != null) {
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                hash = add(hash, label.getKey());
                hash = add(hash, label.getValue() == null ? "" : label.getValue());
            }
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * PRIME;
        }
        return (hash ^ SEPARATOR) * PRIME;
    }
}
