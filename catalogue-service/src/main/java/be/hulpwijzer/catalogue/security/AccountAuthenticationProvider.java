package be.hulpwijzer.catalogue.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Accounts sign in with e-mail and password (HTTP Basic for the API; the login form later uses the same). */
@Singleton
final class AccountAuthenticationProvider implements HttpRequestExecutorAuthenticationProvider<Object> {

    /** Lazily: authentication beans are looked up while the data layer that Principals needs is being built. */
    private final io.micronaut.context.BeanProvider<Principals> principals;
    private final Clock clock;
    private final Proxies proxies;

    AccountAuthenticationProvider(io.micronaut.context.BeanProvider<Principals> principals, Clock clock, Proxies proxies) {
        this.principals = principals;
        this.clock = clock;
        this.proxies = proxies;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<Object> request, AuthenticationRequest<String, String> auth) {
        return principals.get().byPassword(auth.getIdentity(), auth.getSecret(), proxies.clientAddress(request), clock.instant())
                .map(a -> AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes()))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
