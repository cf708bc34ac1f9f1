package be.hulpwijzer.web.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.endpoints.LoginController;
import io.micronaut.security.endpoints.LogoutController;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a write sent from another site. Browsers name the page a request comes from in {@code Origin} (or
 * at least {@code Referer}); a write whose origin is not this host is refused (403), on every route. Logging
 * in and out must name their origin: without one, a page elsewhere could log a person into an account of
 * the attacker's (login CSRF) or out of their own. The login and logout routes are recognised by the
 * controller the router chose, not by their path.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class OriginCheck {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseOtherSites(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        String origin = origin(request);
        if (origin == null) {
            return loginOrLogout(request) ? refused() : null;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host != null && origin.equals(host.toLowerCase(Locale.ROOT)) ? null : refused();
    }

    /** Plain text: this answer does not pass through the views (and an attacker's page never shows it). */
    private static HttpResponse<String> refused() {
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(io.micronaut.http.MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=utf-8").body(Texts.get("csrfRefused"));
    }

    /** The host (with its port) the request says it comes from; null when it says nothing. */
    @Nullable
    private static String origin(HttpRequest<?> request) {
        String named = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (named == null || named.isBlank()) {
            named = request.getHeaders().get(HttpHeaders.REFERER);
        }
        if (named == null || named.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(named.strip());
            return uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return ""; // "null" or garbage: no origin of ours
        }
    }

    private static boolean loginOrLogout(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(m -> ((MethodBasedRouteMatch<?, ?>) m).getDeclaringType())
                .filter(type -> LoginController.class.isAssignableFrom(type) || LoginRoute.class.isAssignableFrom(type)
                        || LogoutController.class.isAssignableFrom(type))
                .isPresent();
    }
}
