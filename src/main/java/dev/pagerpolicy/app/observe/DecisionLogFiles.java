package dev.pagerpolicy.app.observe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the decision log as the {@code file} destination writes it ({@code FILE}, then {@code FILE.1},
 * {@code FILE.2} ... older and older), newest lines first, for the people searching it: only the newest
 * {@code maxBytes} of it, so that a search answers in the time a page may take however much history is kept.
 */
public final class DecisionLogFiles {
    private final Path file;
    private final int rotated;
    private final long maxBytes;

    /**
     * @param rotated  how many rotated files may lie beside it
     * @param maxBytes how much of the newest history a search reads at most
     */
    public DecisionLogFiles(Path file, int rotated, long maxBytes) {
        this.file = file;
        this.rotated = rotated;
        this.maxBytes = maxBytes;
    }

    /** The lines that {@code wanted} accepts, newest first, at most {@code limit}; a file that cannot be read is skipped. */
    public List<String> newestMatching(Predicate<String> wanted, int limit) {
        List<String> found = new ArrayList<>();
        long budget = maxBytes;
        for (int n = 0; n <= rotated && budget > 0 && found.size() < limit; n++) {
            Path path = RotatingFileSink.numbered(file, n);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                List<String> lines = tail(path, budget);
                budget -= lines.stream().mapToLong(line -> line.length() + 1L).sum();
                Collections.reverse(lines);
                for (String line : lines) {
                    if (wanted.test(line)) {
                        found.add(line);
                        if (found.size() >= limit) {
                            break;
                        }
                    }
                }
            } catch (IOException e) {
                // rotated away or unreadable while searching: the other files still answer
            }
        }
        return found;
    }

    /** The whole lines among the last {@code bytes} of a file, oldest first (a line cut by the start is left out). */
    private static List<String> tail(Path path, long bytes) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
            long start = Math.max(0, in.length() - bytes);
            byte[] read = new byte[(int) Math.min(Integer.MAX_VALUE - 8, in.length() - start)];
            in.seek(start);
            in.readFully(read);
            String text = new String(read, StandardCharsets.UTF_8);
            int from = start == 0 ? 0 : text.indexOf('\n') + 1;
            List<String> lines = new ArrayList<>();
            for (String line : text.substring(from).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }
}
