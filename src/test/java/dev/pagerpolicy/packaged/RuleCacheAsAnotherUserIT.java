package dev.pagerpolicy.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pagerpolicy.testing.PackagedApp;
import dev.pagerpolicy.testing.Packs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's case: the image's rule cache belongs to root, and the service runs as another user, who may read
 * it but not write it. Compiled rules found there are used, not discarded: run as {@code nobody}, {@code check}
 * compiles nothing, so it never tries (and fails) to keep what it compiled, which it says on standard error. On two
 * of the shipped rule files, compiled twice from nothing: the cache treats two files as it treats six.
 */
class RuleCacheAsAnotherUserIT {
    private static final String NOBODY = "65534";
    private static final String CANNOT_KEEP = "cannot keep compiled rules";

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void compiledRulesOwnedByRootAreUsedByAnotherUser(@TempDir Path tmp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root, to run a command as another user");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Packs.copyShippedWithTwoRuleFiles(work);
        Path cache = work.resolve("cache");
        Path empty = Files.createDirectories(work.resolve("empty-cache"));

        Run asRoot = check(work, cache, List.of());
        readableByAll(tmp);
        Run asNobody = check(work, cache, List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        Run nothingCompiledBefore = check(work, empty, List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups"));

        assertThat(asRoot.exitCode()).as(asRoot.err()).isZero();
        assertThat(asNobody.exitCode()).as(asNobody.err()).isZero();
        assertThat(asNobody.out()).startsWith("ok: 6 rules in " + work.resolve("rules"));
        assertThat(asNobody.err()).as("used what root compiled").doesNotContain(CANNOT_KEEP);
        // What the test would see if the entries were discarded: compiled again, and not kept.
        assertThat(nothingCompiledBefore.exitCode()).isZero();
        assertThat(nothingCompiledBefore.err()).contains(CANNOT_KEEP);
    }

    private static Run check(Path work, Path cache, List<String> as) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(as);
        command.addAll(PackagedApp.java());
        command.addAll(List.of("-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString(), "check",
                "--rules", work.resolve("rules").toString(), "--policies", work.resolve("policies").toString(),
                "--rule-cache", cache.toString()));
        Path out = Files.createTempFile("check", ".out");
        Path err = Files.createTempFile("check", ".err");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int exit = process.waitFor();
        return new Run(exit, Files.readString(out), Files.readString(err));
    }

    /** Everything under {@code dir} readable (and directories enterable) by everyone, writable by root alone. */
    private static void readableByAll(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                        ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
