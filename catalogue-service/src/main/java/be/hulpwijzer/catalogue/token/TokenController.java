package be.hulpwijzer.catalogue.token;

import be.hulpwijzer.catalogue.api.ForbiddenException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.security.Secrets;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;

/**
 * An organisation's API tokens, to push availability from its own systems: made by an editor of that
 * organisation or an administrator, shown once, stored as a hash, revoked at once.
 */
@Controller("/api/v1/organisations/{id}/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
class TokenController {

    private final JdbcOperations jdbc;
    private final be.hulpwijzer.catalogue.security.Principals principals;

    TokenController(JdbcOperations jdbc, be.hulpwijzer.catalogue.security.Principals principals) {
        this.jdbc = jdbc;
        this.principals = principals;
    }

    /** The token appears in this answer and never again. */
    @Post
    @be.hulpwijzer.catalogue.security.Audited
    HttpResponse<Map<String, Object>> create(long id, @Body String body, Authentication caller) {
        mayManage(caller);
        principals.owner("organisations", id).orElseThrow(() -> new NotFoundException(Messages.get("what.organisation"), id));
        JsonFields json = JsonFields.parse(body);
        json.allowOnly(Set.of("label"));
        String label = json.text("label", true, 100);
        json.throwIfInvalid();
        String token = Secrets.newToken();
        long tokenId = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into api_token (organisation_id, token_hash, label, created_by) "
                    + "values (?, ?, ?, ?) returning id")) {
                ps.setLong(1, id);
                ps.setString(2, Secrets.hashToken(token));
                ps.setString(3, label);
                ps.setString(4, caller.getName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return HttpResponse.created(Map.of("id", tokenId, "token", token, "label", label));
    }

    @Delete("/{tokenId}")
    @be.hulpwijzer.catalogue.security.Audited
    @Status(HttpStatus.NO_CONTENT)
    void revoke(long id, long tokenId, Authentication caller) {
        mayManage(caller);
        int revoked = jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update api_token set revoked_at = coalesce(revoked_at, now()) where id = ? and organisation_id = ?")) {
                ps.setLong(1, tokenId);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        if (revoked == 0) {
            throw new NotFoundException(Messages.get("what.token"), tokenId);
        }
    }

    /** Which organisation is checked by the ownership rule; a token may not make or revoke tokens. */
    private static void mayManage(Authentication caller) {
        if (caller.getRoles().contains(Roles.ORGANISATION_TOKEN)) {
            throw new ForbiddenException(Messages.get("forbidden.tokens"));
        }
    }
}
