package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.api.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API also accepts the login cookie (a page's script may call it), so a write that relies on that
 * cookie must carry the page's CSRF token in {@code X-CSRF-Token}; writes with a bearer token or Basic
 * credentials are not affected (a cross-site page cannot send those). Pages check their form field.
 */
@ServerFilter("/api/**")
final class ApiCsrfFilter {

    static final String HEADER = "X-CSRF-Token";

    private final Csrf csrf;

    ApiCsrfFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCookieWritesWithoutToken(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        boolean cookieOnly = request.getCookies().findCookie(Csrf.COOKIE).isPresent()
                && request.getHeaders().get(HttpHeaders.AUTHORIZATION) == null;
        if (!write || !cookieOnly || csrf.valid(request, request.getHeaders().get(HEADER))) {
            return null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", Messages.get("status.403"));
        problem.put("status", 403);
        problem.put("detail", Messages.get("csrf.missing"));
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.of("application/problem+json")).body(problem);
    }
}
