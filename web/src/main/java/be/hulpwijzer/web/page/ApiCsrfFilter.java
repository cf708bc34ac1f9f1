package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.api.Messages;
import io.micronaut.core.annotation.Nullable;
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
 * The API also accepts the login cookie (a page's script may call it), so a write that carries that cookie
 * must carry the page's CSRF token in {@code X-CSRF-Token}, whatever else it sends (an {@code Authorization}
 * header, even a garbage one, once switched this check off). Applies to every path, not a path pattern: a
 * form post (form-encoded) is checked by its page against its {@code _csrf} field instead, and the API
 * refuses form content (415). Scripts with a bearer token or Basic credentials send no cookie.
 */
@ServerFilter(io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN)
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
        boolean cookie = request.getCookies().findCookie(Csrf.COOKIE).isPresent();
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
        if (!write || !cookie || form || csrf.valid(request, request.getHeaders().get(HEADER))) {
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
