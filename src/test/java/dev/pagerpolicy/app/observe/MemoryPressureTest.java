package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryPressureTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aMemoryAboveNinetyPercentOfItsLimitIsHigh() {
        assertThat(new MemoryPressure.Reading("heap", 115 * MIB, 128 * MIB).high()).isFalse();
        assertThat(new MemoryPressure.Reading("heap", 117 * MIB, 128 * MIB).high()).isTrue();
        assertThat(new MemoryPressure.Reading("direct memory", 120 * MIB, 128 * MIB))
                .hasToString("direct memory 94% of 128 MiB");
    }

    @Test
    void thisJvmReportsItsDirectMemory() {
        assertThat(MemoryPressure.direct()).hasValueSatisfying(reading -> assertThat(reading.limit()).isPositive());
    }
}
