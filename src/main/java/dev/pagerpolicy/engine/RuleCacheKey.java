package dev.pagerpolicy.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * Names a compiled rule set by everything its class files depend on: the rule texts in build order, the
 * service's own classes (the fact model the rules are compiled against), the Drools build that generated them
 * and the JVM. Change any of them and the key changes, so a cached entry is never loaded against code it was
 * not compiled for.
 */
final class RuleCacheKey {
    private static final String FORMAT = "pager-policy compiled rules v1";
    /** Computed once per process: hashing the service's classes takes milliseconds, not nothing. */
    private static final Optional<String> BUILD_FINGERPRINT = buildFingerprint();

    private RuleCacheKey() {
    }

    /** Empty when this build of the service cannot be told apart from another, and so nothing may be cached. */
    static Optional<String> of(List<RuleFile> files) {
        return BUILD_FINGERPRINT.map(build -> {
            MessageDigest digest = Sha256.newDigest();
            update(digest, FORMAT);
            update(digest, build);
            for (RuleFile file : files) {
                update(digest, file.text());
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    private static Optional<String> buildFingerprint() {
        Path serviceCode = codeLocation(RuleCacheKey.class);
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

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
