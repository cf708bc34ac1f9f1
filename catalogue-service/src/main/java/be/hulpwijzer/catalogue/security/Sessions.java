package be.hulpwijzer.catalogue.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Login sessions that can be ended: a login opens one (its id goes into the signed cookie, only its hash is
 * stored), every request checks it is still open, logging out closes it, and changing a password closes the
 * account's other sessions. Kept in PostgreSQL, so that a logout holds on every node at once.
 */
@Singleton
public class Sessions {

    /** The claim of the login cookie (and of a Bearer JWT) that names its session. */
    public static final String CLAIM = "sid";
    /** As long as the login cookie lives (micronaut.security.token.generator.access-token.expiration). */
    static final Duration LONGEST = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;

    public Sessions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a session for the account; returns its id (to be signed into the cookie). */
    @Connectable
    public String open(long account, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from account_session where created_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(LONGEST)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into account_session (id_hash, account_id, created_at) values (?, ?, ?)")) {
                ps.setString(1, Secrets.hashToken(id));
                ps.setLong(2, account);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        return id;
    }

    @Connectable
    public boolean isOpen(String id) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from account_session where id_hash = ?")) {
                ps.setString(1, Secrets.hashToken(id));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Connectable
    public void close(String id) {
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from account_session where id_hash = ?")) {
                ps.setString(1, Secrets.hashToken(id));
                return ps.executeUpdate();
            }
        });
    }

    /** Closes every session of the account (found by e-mail) but the one given (null: all of them). */
    @Connectable
    public void closeOthers(String email, @Nullable String kept) {
        jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from account_session where account_id = "
                    + "(select id from account where email = lower(?)) and id_hash <> ?")) {
                ps.setString(1, email);
                ps.setString(2, kept == null ? "" : Secrets.hashToken(kept));
                return ps.executeUpdate();
            }
        });
    }
}
