package be.hulpwijzer.web.session;

import be.hulpwijzer.catalogue.security.Principals;
import be.hulpwijzer.catalogue.security.Sessions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A login cookie (or the same JWT sent as Bearer) is accepted only while its session is open: after a logout
 * or a password change it is refused, however long its signature would still hold. A JWT without a session
 * (none is made so) is refused too.
 */
@Singleton
final class SessionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    /** Lazily: authentication beans are looked up while the data layer that Sessions needs is being built. */
    private final io.micronaut.context.BeanProvider<Sessions> sessions;

    SessionValidator(io.micronaut.context.BeanProvider<Sessions> sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        return claims.get(Sessions.CLAIM) instanceof String id && sessions.get().isOpen(id);
    }
}
