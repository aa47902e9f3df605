package dev.pagerpolicy.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagerpolicy.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's debounce, seen from outside: its tests mostly wait (about 8 s in all), so they start first, their waits
 * overlapping with the work of the tests beside them ({@code ByOrderThenName}).
 */
@Order(1)
class DirectoryWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfChangesBecomesOneAction() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        AtomicInteger calls = new AtomicInteger();
        Semaphore called = new Semaphore(0);
        Duration debounce = Duration.ofSeconds(1);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(dir), debounce, () -> {
            calls.incrementAndGet();
            called.release();
        })) {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Files.writeString(dir.resolve("rule-" + i + ".drl"), "package rules\n");
            }
            Files.writeString(dir.resolve("tests/case.yaml"), "[]\n");
            Duration burst = Duration.ofNanos(System.nanoTime() - started);
            assertThat(Poll.signalled(called)).as("the action ran").isTrue();
            // Longer than the debounce, a second action would have run by then; waiting ends at once if one does.
            if (burst.compareTo(debounce) < 0) {
                assertThat(called.tryAcquire(1_500, TimeUnit.MILLISECONDS)).as("a second action").isFalse();
                assertThat(calls).hasValue(1);
            } else { // a machine so busy that the burst had pauses longer than the debounce: one action per pause
                assertThat(called.tryAcquire(6, 1_500, TimeUnit.MILLISECONDS))
                        .as("more actions than the six writes spread over %s", burst).isFalse();
            }
        }
    }

    @Test
    void aNewSubdirectoryIsWatchedToo() throws Exception {
        Semaphore called = new Semaphore(0);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(dir), Duration.ofMillis(100), called::release)) {
            Path sub = Files.createDirectories(dir.resolve("more"));
            assertThat(Poll.signalled(called)).isTrue();
            Files.writeString(sub.resolve("x.drl"), "package rules\n");
            assertThat(Poll.signalled(called)).as("a change inside the new directory").isTrue();
        }
    }

    @Test
    void aWatchedDirectoryRemovedAndCreatedAgainIsWatchedAgain() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "package rules\n");
        Semaphore called = new Semaphore(0);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(rules), Duration.ofMillis(100), called::release)) {
            Files.delete(rules.resolve("a.drl"));
            Files.delete(rules);
            assertThat(Poll.signalled(called)).as("the removal is a change").isTrue();
            Files.createDirectories(rules);
            assertThat(Poll.signalled(called)).as("creating it again is a change").isTrue();
            Files.writeString(rules.resolve("b.drl"), "package rules\n");
            assertThat(Poll.signalled(called)).as("a file written in the new directory").isTrue();
            Files.writeString(rules.resolve("b.drl"), "package rules\n// edited\n");
            assertThat(Poll.signalled(called)).as("and an edit of it").isTrue();
        }
    }

    @Test
    void aWriterThatPausesLongerThanTheDebounceIsNotReadHalfWay() throws Exception {
        Path file = dir.resolve("rules.drl");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Semaphore called = new Semaphore(0);
        Duration debounce = Duration.ofMillis(300);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(dir), debounce, () -> {
            try {
                seen.add(Files.readString(file));
            } catch (java.io.IOException e) {
                seen.add("unreadable");
            }
            called.release();
        }); var out = Files.newOutputStream(file)) {
            out.write("rule \"first half\"\n".getBytes());
            out.flush();
            long paused = System.nanoTime();
            // The writer's pause, what is tested: longer than the debounce, shorter than debounce plus the settling
            // time; measured, since a busy machine may make it longer.
            Thread.sleep(450);
            out.write("end\n".getBytes());
            out.flush();
            Duration pause = Duration.ofNanos(System.nanoTime() - paused);
            assertThat(Poll.signalled(called)).isTrue();
            if (pause.compareTo(debounce.multipliedBy(2)) < 0) {
                // Read once, whole: no second read within a second (waiting ends at once if one comes).
                assertThat(called.tryAcquire(1, TimeUnit.SECONDS)).as("read again").isFalse();
                assertThat(seen).containsExactly("rule \"first half\"\nend\n");
            } else { // the writer, on a busy machine, paused past the settling time too: it is read again once done
                Poll.until("the whole file read after a pause of " + pause,
                        () -> seen.get(seen.size() - 1).equals("rule \"first half\"\nend\n"));
            }
        }
    }

    @Test
    void hiddenFilesAndDirectoriesAreNotWatched() throws Exception {
        Semaphore called = new Semaphore(0);
        try (DirectoryWatcher watcher = DirectoryWatcher.start(List.of(dir), Duration.ofMillis(100), called::release)) {
            Path hidden = Files.createDirectories(dir.resolve("..2026_11_27_10_00_00.1"));
            assertThat(Poll.signalled(called)).as("creating it is a change of the directory").isTrue();
            Files.writeString(hidden.resolve("x.drl"), "package rules\n");
            assertThat(called.tryAcquire(1, TimeUnit.SECONDS)).as("a write inside it is not").isFalse();
        }
    }
}
