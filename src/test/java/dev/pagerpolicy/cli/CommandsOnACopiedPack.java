package dev.pagerpolicy.cli;

import dev.pagerpolicy.testing.Packs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands run as CI runs them, on a copy of the shipped pack in a directory of the test's, each given the pack and the
 * rule cache (under target/, unless the arguments say otherwise) as options: so that the settings a service test's
 * profile puts in the JVM's system properties meanwhile do not reach them.
 */
final class CommandsOnACopiedPack {
    record Run(int exitCode, List<String> lines) {
    }

    final Path rules;
    final Path policies;

    CommandsOnACopiedPack(Path dir) {
        Packs.copyShipped(dir);
        rules = dir.resolve("rules");
        policies = dir.resolve("policies");
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--rule-cache", "target/rule-cache"));
        all.addAll(List.of(args).subList(1, args.length));
        all.addAll(List.of("--rules", rules.toString(), "--policies", policies.toString()));
        return bare(all.toArray(String[]::new));
    }

    /** Runs exactly these arguments. */
    static Run bare(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
