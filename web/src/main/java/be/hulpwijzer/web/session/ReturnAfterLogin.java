package be.hulpwijzer.web.session;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.config.TokenCookieConfiguration;
import io.micronaut.security.errors.CookiePriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * After signing in, people land on the page they asked for, also after a mistyped password. Only a page of
 * this site is ever remembered or returned to: a path that starts with a single slash, asked with GET, never
 * the login page itself. A request line such as {@code GET //evil.example/x}, or a planted cookie, can
 * therefore never turn the redirect after login into a redirect to another site (the library's own version
 * here, 4.15, returns whatever the cookie holds).
 */
@Singleton
@Replaces(CookiePriorToLoginPersistence.class)
@Requires(property = "micronaut.security.redirect.prior-to-login", value = "true")
public class ReturnAfterLogin extends CookiePriorToLoginPersistence {

    private static final java.util.regex.Pattern COOKIE_SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9/?=&%._~+:@!$'()*-]{1,2000}");

    public ReturnAfterLogin(@Nullable TokenCookieConfiguration cookieConfiguration) {
        super(cookieConfiguration);
    }

    @Override
    public void onUnauthorized(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // remembered in a cookie: only a target whose every character may stand in a cookie value
        if (request.getMethod() == HttpMethod.GET && isLocalPage(request.getUri())
                && COOKIE_SAFE.matcher(request.getUri().toString()).matches()) {
            super.onUnauthorized(request, response);
        }
    }

    @Override
    public Optional<URI> getOriginalUri(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return super.getOriginalUri(request, response).filter(ReturnAfterLogin::isLocalPage);
    }

    static boolean isLocalPage(URI uri) {
        String target = uri.toString();
        String path = uri.getRawPath();
        return uri.getScheme() == null && uri.getRawAuthority() == null && path != null && target.startsWith("/")
                && !target.startsWith("//") && !target.startsWith("/\\") && !path.startsWith("/login")
                && !path.startsWith("/logout") && !path.startsWith("/api/");
    }
}
