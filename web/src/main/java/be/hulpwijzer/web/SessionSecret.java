package be.hulpwijzer.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that signs login cookies: {@code HULPWIJZER_SESSION_SECRET}, or one made once and kept in
 * the data directory, so that people stay logged in across restarts.
 */
final class SessionSecret {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private SessionSecret() {
    }

    static String get(Path dataDirectory) {
        String configured = System.getenv("HULPWIJZER_SESSION_SECRET");
        if (configured != null && configured.length() >= 32) {
            return configured;
        }
        Path file = dataDirectory.resolve("session-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDirectory);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file stays with the directory's permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
