package be.hulpwijzer.catalogue.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Accepts the administrator token from {@code HULPWIJZER_ADMIN_TOKEN} as a bearer token. With no token
 * configured, no bearer token is accepted and every write is refused.
 */
@Singleton
final class AdminTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final byte[] adminToken;

    AdminTokenValidator(@Value("${hulpwijzer.admin-token:}") String adminToken) {
        this.adminToken = adminToken.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        // constant-time comparison: the time taken must not tell how much of the token was right
        if (adminToken.length == 0 || !MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Publishers.empty();
        }
        return Publishers.just(Authentication.build("administrator", List.of(Roles.ADMIN)));
    }
}
