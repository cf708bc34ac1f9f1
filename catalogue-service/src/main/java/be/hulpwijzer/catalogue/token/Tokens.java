package be.hulpwijzer.catalogue.token;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.security.authentication.Authentication;
import be.hulpwijzer.catalogue.security.Secrets;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An organisation's API tokens: made (the secret shown once, stored as a hash), listed, revoked; by its
 * editors and administrators, never by a token ({@link Ownership#requireMayManageTokens}).
 */
@Singleton
public class Tokens {

    /** A token as listed: never its secret. */
    public record TokenView(long id, String label, String createdBy, Instant createdAt, @Nullable Instant revokedAt) {
    }

    /** A token just made: the only moment its secret is known. */
    public record NewToken(long id, String token, String label) {
    }

    private final JdbcOperations jdbc;
    private final Ownership ownership;

    Tokens(JdbcOperations jdbc, Ownership ownership) {
        this.jdbc = jdbc;
        this.ownership = ownership;
    }

    /** From the JSON {"label": ...}; 400 without a label, 404 for an unknown organisation. */
    @Connectable
    public NewToken create(@Nullable Authentication caller, long organisationId, String json) {
        ownership.requireMayManageTokens(caller, organisationId)
                .orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), organisationId));
        String createdBy = caller.getName();
        JsonFields fields = JsonFields.parse(json);
        fields.allowOnly(Set.of("label"));
        String label = fields.text("label", true, 100);
        fields.throwIfInvalid();
        String token = Secrets.newToken();
        long id = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into api_token (organisation_id, token_hash, label, created_by) "
                    + "values (?, ?, ?, ?) returning id")) {
                ps.setLong(1, organisationId);
                ps.setString(2, Secrets.hashToken(token));
                ps.setString(3, label);
                ps.setString(4, createdBy);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new NewToken(id, token, label);
    }

    /** Revokes at once (a second revoke keeps the first time); 404 when the organisation has no such token. */
    @Connectable
    public void revoke(@Nullable Authentication caller, long organisationId, long tokenId) {
        ownership.requireMayManageTokens(caller, organisationId);
        int revoked = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update api_token set revoked_at = coalesce(revoked_at, now()) where id = ? and organisation_id = ?")) {
                ps.setLong(1, tokenId);
                ps.setLong(2, organisationId);
                return ps.executeUpdate();
            }
        });
        if (revoked == 0) {
            throw new NotFoundException(Messages.get("what.token"), tokenId);
        }
    }

    @Connectable
    public List<TokenView> list(@Nullable Authentication caller, long organisationId) {
        ownership.requireMayManageTokens(caller, organisationId);
        return jdbc.execute(c -> {
            List<TokenView> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, label, created_by, created_at, revoked_at from api_token "
                    + "where organisation_id = ? order by revoked_at nulls first, created_at desc")) {
                ps.setLong(1, organisationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp revoked = rs.getTimestamp(5);
                        result.add(new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                                revoked == null ? null : revoked.toInstant()));
                    }
                }
            }
            return result;
        });
    }
}
