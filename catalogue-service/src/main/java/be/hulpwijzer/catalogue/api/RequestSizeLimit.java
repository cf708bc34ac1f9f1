package be.hulpwijzer.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

/**
 * Every request body is small (at most 1 MB, read into memory), except a multipart upload to a route marked
 * {@link LargeUpload}, which is spooled to disk and may be as large as {@code micronaut.server.max-request-size}.
 * The exception is taken on the route the router chose, never on the path; a body of unannounced length
 * (chunked) is only taken by such a route.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
final class RequestSizeLimit {

    static final long SMALL = 1024 * 1024;

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean chunked = request.getHeaders().get(HttpHeaders.TRANSFER_ENCODING, String.class)
                .map(value -> value.toLowerCase(java.util.Locale.ROOT).contains("chunked")).orElse(false);
        if ((length <= SMALL && !chunked) || upload(request)) {
            return null;
        }
        if (chunked && length < 0) {
            throw new HttpStatusException(HttpStatus.LENGTH_REQUIRED, Messages.get("status.411.detail"));
        }
        throw new ContentLengthExceededException(SMALL, length);
    }

    private static boolean upload(HttpRequest<?> request) {
        boolean multipart = request.getContentType().map(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
        return multipart && RouteAttributes.getRouteMatch(request)
                .filter(m -> m instanceof MethodBasedRouteMatch<?, ?> method && method.hasAnnotation(LargeUpload.class)).isPresent();
    }
}
