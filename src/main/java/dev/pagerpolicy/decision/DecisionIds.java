package dev.pagerpolicy.decision;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: time-ordered UUIDs (version 7 layout), so that ids sort by creation time in logs. The random
 * bits come from {@link ThreadLocalRandom}: ids must be unique, not secret, and {@link UUID#randomUUID()}'s
 * shared SecureRandom serialises concurrent decisions.
 */
public final class DecisionIds {
    private DecisionIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * The id of the decision for one alert: the same for the same alert ({@code key}, say Alertmanager's
     * fingerprint), fired at the same instant, decided by the same rule set, wherever and however often it is
     * decided, so that a retried webhook or a repeated notification is recognised without state shared between
     * replicas. The layout is version 7's, with the alert's start as its time: such ids sort by when alerts fired.
     */
    public static String ofAlert(String key, java.time.Instant firedAt, String policyVersion) {
        byte[] hash;
        try {
            hash = java.security.MessageDigest.getInstance("SHA-256").digest((key + "\n" + firedAt + "\n" + policyVersion)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        java.nio.ByteBuffer bits = java.nio.ByteBuffer.wrap(hash);
        long millis = Math.max(0, firedAt.toEpochMilli()) & 0xFFFFFFFFFFFFL;
        long high = (millis << 16) | 0x7000L | (bits.getLong() & 0x0FFFL);
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
