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
}
