package dev.pagerpolicy.compile;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * Which build of the service is running: a hash of its own code (the application's jar, or its class files when
 * it runs from a build directory), the Drools build and the JVM. Compiled rules depend on it (the fact model they
 * were compiled against), and so do the gate's verdicts: an upgrade may change what a decision means, and must not
 * inherit what the previous build proved.
 */
public final class BuildIdentity {
    /** Computed once per process: hashing the service's classes takes milliseconds, not nothing. */
    private static final Optional<String> CURRENT = fingerprint();

    private BuildIdentity() {
    }

    /** Empty when this build cannot be told apart from another: then nothing that depends on it may be reused. */
    public static Optional<String> current() {
        return CURRENT;
    }

    private static Optional<String> fingerprint() {
        Path serviceCode = codeLocation(BuildIdentity.class);
        Path drools = codeLocation(KieBaseBuilder.class);
        if (serviceCode == null || drools == null) {
            return Optional.empty();
        }
        MessageDigest digest = Sha256.newDigest();
        update(digest, Runtime.version().toString());
        // The Drools jars are named by version; their location is enough to tell one build from another.
        update(digest, drools.toString());
        try (Stream<Path> files = Files.walk(serviceCode)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, serviceCode.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static Path codeLocation(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
