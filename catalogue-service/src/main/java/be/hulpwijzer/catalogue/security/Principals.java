package be.hulpwijzer.catalogue.security;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds who is calling: an organisation's API token, or an account by e-mail and password (with failed
 * logins throttled per e-mail and address, see {@link LoginThrottle}).
 */
@Singleton
public class Principals {

    /** Attribute of an account's authentication: its id. */
    public static final String ACCOUNT_ID = "accountId";

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

    /**
     * The account, when the password is right and this e-mail may be tried from this address now (see
     * {@link LoginThrottle}). Every path takes one bcrypt comparison, so that an unknown account or a refused
     * wait answers no faster than a wrong password.
     */
    @Connectable
    public Optional<Authentication> byPassword(String email, String password, String address, Instant now) {
        String normalised = email.strip().toLowerCase();
        return jdbc.execute(c -> {
            if (LoginThrottle.waitUntil(c, normalised, address, now).isPresent()) {
                Secrets.passwordMatches(password, null);
                return Optional.empty();
            }
            Long id = null;
            String hash = null;
            String role = null;
            try (PreparedStatement ps = c.prepareStatement("select id, password_hash, role from account where email = ?")) {
                ps.setString(1, normalised);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        hash = rs.getString(2);
                        role = rs.getString(3);
                    }
                }
            }
            if (!Secrets.passwordMatches(password, hash)) {
                LoginThrottle.failed(c, normalised, address, now);
                return Optional.empty();
            }
            LoginThrottle.succeeded(c, normalised, address);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(Roles.ORGANISATIONS, ids(c, "select organisation_id from account_organisation where account_id = ?", id));
            attributes.put(Roles.ZONES, codes(c, id));
            attributes.put(ACCOUNT_ID, id);
            return Optional.of(Authentication.build(normalised, List.of(Roles.forAccountRole(role)), attributes));
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
