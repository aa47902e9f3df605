package dev.pagerpolicy.app.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision log is the audit trail: a file deleted or moved under it, or a volume that fills up, must cost as
 * few lines as possible, and never the history already written.
 */
class RotatingFileSinkTest {
    @TempDir
    Path dir;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
        }
    }

    private static byte[] line(int n) {
        return ("{\"decision\":" + n + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(LogSink sink, int n) throws IOException {
        byte[] bytes = line(n);
        sink.write(bytes, bytes.length);
    }

    /** Every line of the log and its rotated files, oldest first. */
    private static List<String> all(Path file, int keep) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = keep; n >= 1; n--) {
            Path rotated = file.resolveSibling(file.getFileName() + "." + n);
            if (Files.exists(rotated)) {
                lines.addAll(Files.readAllLines(rotated));
            }
        }
        if (Files.exists(file)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }

    @Test
    void aDeletedFileIsCreatedAgainAndTheNextLinesGoToIt() throws IOException {
        Path file = dir.resolve("decisions.log");
        try (LogSink sink = LogSink.rotatingFile(file, 1 << 20, 2)) {
            write(sink, 1);
            Files.delete(file);
            write(sink, 2);
            write(sink, 3);
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"decision\":2}", "{\"decision\":3}");
    }

    @Test
    void aFileMovedAwayAsLogrotateDoesIsFollowedByANewOne() throws IOException {
        Path file = dir.resolve("decisions.log");
        try (LogSink sink = LogSink.rotatingFile(file, 1 << 20, 2)) {
            write(sink, 1);
            Files.move(file, dir.resolve("decisions.log-20261129"));
            write(sink, 2);
        }
        assertThat(Files.readAllLines(dir.resolve("decisions.log-20261129"))).containsExactly("{\"decision\":1}");
        assertThat(Files.readAllLines(file)).containsExactly("{\"decision\":2}");
    }

    @Test
    void aRotationAfterTheFileWasDeletedKeepsTheRotatedFiles() throws IOException {
        Path file = dir.resolve("decisions.log");
        int lineBytes = line(10).length;
        try (LogSink sink = LogSink.rotatingFile(file, 2L * lineBytes, 2)) {
            for (int n = 10; n < 16; n++) {
                write(sink, n);
            }
            Files.delete(file); // held 14 and 15
            for (int n = 16; n < 19; n++) {
                write(sink, n);
            }
        }
        assertThat(all(file, 2)).containsExactly("{\"decision\":12}", "{\"decision\":13}", "{\"decision\":16}",
                "{\"decision\":17}", "{\"decision\":18}");
    }

    /** A volume of its own, 64 KiB, so that it can be filled; needs root to mount. */
    private Path smallVolume() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "mounting a small volume needs root");
        Path volume = Files.createDirectories(dir.resolve("volume"));
        int status = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", volume.toString())
                .inheritIO().start().waitFor();
        assumeTrue(status == 0, "tmpfs could not be mounted here");
        mounted = volume;
        return volume;
    }

    @Test
    void aFullVolumeGivesUpTheOldestRotatedFileBeforeTheNewestLines() throws Exception {
        Path file = smallVolume().resolve("decisions.log");
        int written = 5_000; // about 95 KB of lines: more than the volume holds
        try (LogSink sink = LogSink.rotatingFile(file, 20_000, 5)) {
            for (int n = 0; n < written; n++) {
                write(sink, n);
            }
        }
        List<String> kept = all(file, 5);
        assertThat(kept).as("whole lines only").allMatch(l -> l.matches("\\{\"decision\":\\d+}"));
        assertThat(kept.get(kept.size() - 1)).as("the newest line is kept").isEqualTo("{\"decision\":" + (written - 1) + "}");
        List<String> expectedTail = new ArrayList<>();
        for (int n = written - kept.size(); n < written; n++) {
            expectedTail.add("{\"decision\":" + n + "}");
        }
        assertThat(kept).as("the newest lines, in order, without a gap").isEqualTo(expectedTail);
        assertThat(kept.size()).as("most of the volume still holds history").isGreaterThan(1_500);
    }

    @Test
    void aFullVolumeWithoutRotatedFilesRotatesTheLiveFileAndThenGivesItUp() throws Exception {
        Path file = smallVolume().resolve("decisions.log");
        try (LogSink sink = LogSink.rotatingFile(file, 1 << 20, 1)) {
            for (int n = 0; n < 5_000; n++) {
                write(sink, n);
            }
        }
        List<String> kept = all(file, 1);
        assertThat(kept).last().isEqualTo("{\"decision\":4999}");
        assertThat(kept).allMatch(l -> l.matches("\\{\"decision\":\\d+}"));
    }
}
