package be.hulpwijzer.web.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Security headers on every response: a Content-Security-Policy that allows only the application's own
 * scripts, styles and images (no inline script), no framing, no sniffing, no referrer to other sites.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
