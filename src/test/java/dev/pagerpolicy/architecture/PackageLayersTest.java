package dev.pagerpolicy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's rooms, from the top: a package may use only packages below it, so none uses one above it and no two
 * use each other; and docs/operations.md says what each one is for, one line per package.
 */
class PackageLayersTest {
    /** From the top: the commands and HTTP, down to the files every stage reads. */
    static final List<String> LAYERS = List.of("cli", "api", "app", "forward", "importer", "reload", "analysis", "gate",
            "explore", "domain", "evaluate", "compile", "ruleset", "firing", "decision", "catalog", "alert", "source");

    private static final Path SOURCES = Path.of("src/main/java/dev/pagerpolicy");
    private static final Pattern USE = Pattern.compile("\\bdev\\.pagerpolicy\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() throws IOException {
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // Main, which starts the whole house
                }
                String from = relative.getName(0).toString();
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    String to = use.group(1);
                    if (!to.equals(from) && LAYERS.indexOf(to) <= LAYERS.indexOf(from)) {
                        upward.add(relative + " uses " + to + ", which is not below " + from);
                    }
                }
            }
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void theLayersAreThePackagesThereAre() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> children = Files.list(SOURCES)) {
            children.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        assertThat(new TreeSet<>(LAYERS)).isEqualTo(packages);
    }

    @Test
    void operationsDocsSayWhatEachPackageIsForInOrder() throws IOException {
        String docs = Files.readString(Path.of("docs/operations.md"));
        String howItWorks = docs.substring(docs.indexOf("## How it works"));
        List<String> listed = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^- `([a-z]+)/` ").matcher(howItWorks);
        while (line.find()) {
            listed.add(line.group(1));
        }
        assertThat(listed).isEqualTo(LAYERS);
    }
}
