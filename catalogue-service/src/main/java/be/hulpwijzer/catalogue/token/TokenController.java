package be.hulpwijzer.catalogue.token;

import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * An organisation's API tokens, to push availability from its own systems: made by an editor of that
 * organisation or an administrator, shown once, stored as a hash, revoked at once. Who may is decided by
 * {@link Tokens} itself.
 */
@Controller("/api/v1/organisations/{id}/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
class TokenController {

    private final Tokens tokens;

    TokenController(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The token appears in this answer and never again. */
    @Post
    @Audited
    HttpResponse<Tokens.NewToken> create(long id, @Body String body, Authentication caller) {
        return HttpResponse.created(tokens.create(caller, id, body));
    }

    @Get
    List<Tokens.TokenView> list(long id, Authentication caller) {
        return tokens.list(caller, id);
    }

    @Delete("/{tokenId}")
    @Audited
    @Status(HttpStatus.NO_CONTENT)
    void revoke(long id, long tokenId, Authentication caller) {
        tokens.revoke(caller, id, tokenId);
    }
}
