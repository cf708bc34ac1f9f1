package be.hulpwijzer.catalogue.security;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds who is calling: an organisation's API token, or an account by e-mail and password (with failed
 * logins throttled: after five, the account waits five minutes).
 */
@Singleton
public class Principals {

    static final int MAX_FAILED = 5;
    static final Duration LOCK = Duration.ofMinutes(5);

    private final JdbcOperations jdbc;

    public Principals(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Connectable
    public Optional<Authentication> byToken(String token) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, organisation_id, label from api_token where token_hash = ? and revoked_at is null")) {
                ps.setString(1, Secrets.hashToken(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(Authentication.build("token " + rs.getLong(1) + " (" + rs.getString(3) + ")",
                            List.of(Roles.ORGANISATION_TOKEN), Map.of(Roles.ORGANISATIONS, List.of(rs.getLong(2)))));
                }
            }
        });
    }

    /** The account, when the password is right and the account is not waiting after failed logins. */
    @Connectable
    public Optional<Authentication> byPassword(String email, String password, Instant now) {
        return jdbc.execute(c -> {
            long id;
            String hash;
            String role;
            Instant lockedUntil;
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, password_hash, role, locked_until from account where email = ?")) {
                ps.setString(1, email.strip().toLowerCase());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        Secrets.passwordMatches(password, null); // same time as a wrong password
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    hash = rs.getString(2);
                    role = rs.getString(3);
                    lockedUntil = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
                }
            }
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return Optional.empty();
            }
            if (!Secrets.passwordMatches(password, hash)) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update account set failed_logins = failed_logins + 1,
                               locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                        where id = ?""")) {
                    ps.setInt(1, MAX_FAILED);
                    ps.setObject(2, java.sql.Timestamp.from(now.plus(LOCK)));
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update account set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(Roles.ORGANISATIONS, ids(c, "select organisation_id from account_organisation where account_id = ?", id));
            attributes.put(Roles.ZONES, codes(c, id));
            attributes.put("accountId", id);
            return Optional.of(Authentication.build(email.strip().toLowerCase(), List.of(Roles.forAccountRole(role)), attributes));
        });
    }

    private static List<Long> ids(java.sql.Connection c, String sql, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<String> codes(java.sql.Connection c, long id) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select zone_code from account_zone where account_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    /** Whether an organisation serves (modules) or sits (locations) in any of these zones. */
    @Connectable
    public boolean activeInZones(long organisation, List<String> zones) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("select organisation_active_in(?, ?::text[])")) {
                ps.setLong(1, organisation);
                ps.setArray(2, c.createArrayOf("text", zones.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** The organisation that owns what a write path names; empty when it names none (or nothing that exists). */
    @Connectable
    public Optional<Long> owner(String table, long id) {
        String sql = switch (table) {
            case "organisations" -> "select id from organisation where id = ?";
            case "modules" -> "select organisation_id from module where id = ?";
            case "locations" -> "select organisation_id from location where id = ?";
            case "engagements" -> "select organisation_id from engagement where id = ?";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
