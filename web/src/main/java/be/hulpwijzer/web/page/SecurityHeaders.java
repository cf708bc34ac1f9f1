package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.security.Proxies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Locale;

/**
 * Security headers on every response: a Content-Security-Policy that allows only the application's own
 * scripts, styles and images (no inline script), no framing, no sniffing, no referrer to other sites. An
 * answer to a caller who is signed in (login cookie or Authorization header) is never stored by a browser or
 * a proxy ({@code Cache-Control: no-store}). Reached over HTTPS (directly, or through a trusted proxy that
 * says so, see {@link Proxies}): HSTS, and every cookie set is {@code Secure}.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    private final Proxies proxies;

    SecurityHeaders(Proxies proxies) {
        this.proxies = proxies;
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION) || request.getCookies().findCookie(Csrf.COOKIE).isPresent()) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (proxies.secure(request)) {
            response.header("Strict-Transport-Security", HSTS);
            List<String> cookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                response.getHeaders().remove(HttpHeaders.SET_COOKIE);
                for (String cookie : cookies) {
                    response.getHeaders().add(HttpHeaders.SET_COOKIE,
                            cookie.toLowerCase(Locale.ROOT).contains("; secure") ? cookie : cookie + "; Secure");
                }
            }
        }
    }
}
