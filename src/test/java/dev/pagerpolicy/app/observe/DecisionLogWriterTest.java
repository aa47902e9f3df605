package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogWriterTest {
    @TempDir
    Path dir;

    /** A sink that keeps what it is given, and can be held up to fill the writer's buffer. */
    static final class RecordingSink implements LogSink {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        volatile boolean closed;
        private final boolean holdFirstWrite;

        RecordingSink(boolean holdFirstWrite) {
            this.holdFirstWrite = holdFirstWrite;
        }

        @Override
        public void write(byte[] lines, int length) {
            writing.countDown();
            if (holdFirstWrite) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            writes.add(new String(lines, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> lines() {
            return String.join("", writes).lines().toList();
        }
    }

    private static byte[] line(int n) {
        return ("{\"decision\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void closingWritesEveryLineHandedOverBefore() {
        RecordingSink sink = new RecordingSink(false);
        DecisionLogWriter writer = new DecisionLogWriter(sink, 1 << 20, Duration.ofMillis(10));

        for (int n = 0; n < 1000; n++) {
            assertThat(writer.offer(line(n))).isTrue();
        }
        writer.close();

        assertThat(sink.lines()).hasSize(1000).startsWith("{\"decision\":0}").endsWith("{\"decision\":999}");
        assertThat(sink.writes.size()).as("lines are written in batches").isLessThan(1000);
        assertThat(sink.closed).isTrue();
        assertThat(writer.dropped()).isZero();
        assertThat(writer.offer(line(1000))).as("a closed writer drops, and counts").isFalse();
        assertThat(writer.dropped()).isEqualTo(1);
    }

    @Test
    void aFullBufferDropsAndCountsOnceTheWaitIsOver() throws Exception {
        RecordingSink sink = new RecordingSink(true);
        int lineBytes = line(0).length + 1;
        DecisionLogWriter writer = new DecisionLogWriter(sink, 3 * lineBytes, Duration.ofMillis(20));
        writer.offer(line(0));
        sink.writing.await(); // the writer holds line 0, its room not yet given back

        assertThat(writer.offer(line(1))).isTrue();
        assertThat(writer.offer(line(2))).isTrue();
        long before = System.nanoTime();
        assertThat(writer.offer(line(3))).as("no room: waits 20 ms, then drops").isFalse();
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(15).toNanos());
        assertThat(writer.dropped()).isEqualTo(1);

        sink.release.countDown();
        writer.close();
        assertThat(sink.lines()).containsExactly("{\"decision\":0}", "{\"decision\":1}", "{\"decision\":2}");
    }

    @Test
    void withoutAWaitAFullBufferDropsAtOnce() throws Exception {
        RecordingSink sink = new RecordingSink(true);
        DecisionLogWriter writer = new DecisionLogWriter(sink, line(0).length + 1, Duration.ZERO);
        writer.offer(line(0));
        sink.writing.await();

        assertThat(writer.offer(line(1))).isFalse();
        assertThat(writer.offer(line(2))).isFalse();
        assertThat(writer.dropped()).isEqualTo(2);
        sink.release.countDown();
        writer.close();
    }

    @Test
    void theFileRotatesBySizeAndKeepsTheNewestFiles() throws IOException {
        Path file = dir.resolve("logs/decisions.log");
        DecisionLogWriter writer = new DecisionLogWriter(LogSink.rotatingFile(file, 100, 2), 1 << 20, Duration.ZERO);
        for (int n = 0; n < 40; n++) {
            writer.offer(line(n));
            writer.close(); // each close writes and ends a writer; reopen to force one batch per line
            writer = new DecisionLogWriter(LogSink.rotatingFile(file, 100, 2), 1 << 20, Duration.ZERO);
        }
        writer.close();

        assertThat(Files.readAllLines(file)).last().isEqualTo("{\"decision\":39}");
        assertThat(Files.size(file)).isLessThanOrEqualTo(100);
        assertThat(dir.resolve("logs/decisions.log.1")).exists();
        assertThat(dir.resolve("logs/decisions.log.2")).exists();
        assertThat(dir.resolve("logs/decisions.log.3")).doesNotExist();
        List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve("logs/decisions.log.2")));
        all.addAll(Files.readAllLines(dir.resolve("logs/decisions.log.1")));
        all.addAll(Files.readAllLines(file));
        assertThat(all).as("the newest lines, in order, none cut").allMatch(l -> l.matches("\\{\"decision\":\\d+}"))
                .endsWith("{\"decision\":37}", "{\"decision\":38}", "{\"decision\":39}");
    }

    @Test
    void standardOutputIsWrittenInLineAlignedPiecesThatAPipeKeepsWhole() throws IOException {
        List<byte[]> writes = new ArrayList<>();
        java.io.OutputStream pipe = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writes.add(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            }
        };
        StringBuilder batch = new StringBuilder();
        for (int n = 0; batch.length() < 10_000; n++) {
            batch.append("{\"decision\":").append(n).append(",\"padding\":\"").append("x".repeat(n % 300)).append("\"}\n");
        }
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);

        LogSink.inPipePieces(pipe).write(bytes, bytes.length);

        assertThat(writes.size()).isBetween(3, 5);
        assertThat(writes).allMatch(piece -> piece.length <= LogSink.PIPE_BUF && piece[piece.length - 1] == '\n');
        StringBuilder joined = new StringBuilder();
        writes.forEach(piece -> joined.append(new String(piece, StandardCharsets.UTF_8)));
        assertThat(joined.toString()).isEqualTo(batch.toString());
    }
}
