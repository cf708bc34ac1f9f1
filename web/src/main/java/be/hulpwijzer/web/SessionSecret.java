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
 * The secret that signs login cookies: {@code HULPWIJZER_SESSION_SECRET}, or one made once and kept: in the
 * data directory with the embedded database, in the database itself with an external one (so that every node
 * on it signs and reads the same cookies, and people stay logged in across restarts and nodes).
 */
final class SessionSecret {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private SessionSecret() {
    }

    @io.micronaut.core.annotation.Nullable
    private static String configured() {
        String configured = System.getenv("HULPWIJZER_SESSION_SECRET");
        return configured != null && configured.length() >= 32 ? configured : null;
    }

    /**
     * The secret shared by every node on an external database: made by the first node that starts (after it has
     * brought the schema up to date, as every node would), read by the others.
     */
    static String shared(String url, String user, String password) {
        String configured = configured();
        if (configured != null) {
            return configured;
        }
        org.flywaydb.core.Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            try (java.sql.PreparedStatement insert = c.prepareStatement(
                    "insert into shared_secret (name, value) values ('session', ?) on conflict (name) do nothing")) {
                insert.setString(1, random());
                insert.executeUpdate();
            }
            try (java.sql.Statement select = c.createStatement();
                 java.sql.ResultSet rs = select.executeQuery("select value from shared_secret where name = 'session'")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the shared session secret could not be read from the database: " + e.getMessage(), e);
        }
    }

    private static String random() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String get(Path dataDirectory) {
        String configured = configured();
        if (configured != null) {
            return configured;
        }
        Path file = dataDirectory.resolve("session-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDirectory);
            String secret = random();
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
