package dev.pagerpolicy.app.observe;

import io.netty.util.internal.PlatformDependent;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Optional;

/**
 * How full the two memories a request can exhaust are: the heap as the last collection left it (what is live,
 * not garbage waiting), and the direct memory that holds responses until slow clients read them.
 */
public final class MemoryPressure {
    /** Above this share of its limit, a memory is short enough that new work may fail. */
    public static final double HIGH = 0.90;

    private MemoryPressure() {
    }

    /** @param name "heap" or "direct memory"; share is used / limit */
    public record Reading(String name, long used, long limit) {
        public double share() {
            return limit <= 0 ? 0 : (double) used / limit;
        }

        public boolean high() {
            return share() > HIGH;
        }

        @Override
        public String toString() {
            return name + " " + Math.round(share() * 100) + "% of " + limit / (1024 * 1024) + " MiB";
        }
    }

    /** The old generation after the last collection: what survives, and so what new work must fit beside. */
    public static Optional<Reading> heapAfterCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getCollectionUsage();
            boolean oldGeneration = pool.getName().contains("Old") || pool.getName().contains("Tenured");
            if (pool.getType() == MemoryType.HEAP && oldGeneration && usage != null && usage.getMax() > 0) {
                return Optional.of(new Reading("heap", usage.getUsed(), usage.getMax()));
            }
        }
        return Optional.empty();
    }

    /** Netty's direct buffers when it counts them, otherwise the JDK's direct buffer pool. */
    public static Optional<Reading> direct() {
        long limit = PlatformDependent.maxDirectMemory();
        long used = PlatformDependent.usedDirectMemory();
        if (used < 0) {
            used = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> pool.getName().equals("direct"))
                    .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        }
        return limit > 0 ? Optional.of(new Reading("direct memory", used, limit)) : Optional.empty();
    }
}
