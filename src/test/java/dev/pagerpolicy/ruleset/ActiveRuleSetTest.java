package dev.pagerpolicy.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pagerpolicy.testing.Packs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A rule set's loadedAt is when it began to decide, not when its files were read before the gate. */
class ActiveRuleSetTest {
    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void loadedAtIsWhenTheSetBecameActiveAndStaysWhileItsVersionDoes() {
        RuleSet shipped = Packs.shipped();
        MovingClock clock = new MovingClock(shipped.loadedAt().plusSeconds(70)); // the gate took 70 s
        ActiveRuleSet active = new ActiveRuleSet(shipped, clock);
        Instant live = clock.now;
        assertThat(active.get().loadedAt()).isEqualTo(live);
        assertThat(active.get().version()).isEqualTo(shipped.version());

        clock.now = live.plusSeconds(600);
        active.replace(shipped.withWarning("no scenarios"));
        assertThat(active.get().loadedAt()).as("the same rules, warned about").isEqualTo(live);
        assertThat(active.get().warnings()).containsExactly("no scenarios");

        clock.now = live.plusSeconds(3600);
        Path example = Path.of("examples/kube-prometheus");
        active.replace(Packs.load(example.resolve("rules"), example.resolve("policies")));
        assertThat(active.get().loadedAt()).isEqualTo(clock.now);
    }

    @Test
    void aServiceStartingHasNoRuleSetUntilItsFirstPassedTheGate() {
        RuleSet shipped = Packs.shipped();
        MovingClock clock = new MovingClock(shipped.loadedAt().plusSeconds(40)); // the gate took 40 s
        ActiveRuleSet active = ActiveRuleSet.awaitingFirst(clock);
        assertThat(active.isActive()).isFalse();
        assertThatThrownBy(active::get).isInstanceOf(NoActiveRuleSetException.class)
                .hasMessage("no rule set is active yet: the first is still being verified");

        active.replace(shipped);
        assertThat(active.isActive()).isTrue();
        assertThat(active.get().version()).isEqualTo(shipped.version());
        assertThat(active.get().loadedAt()).isEqualTo(clock.now);
    }
}
