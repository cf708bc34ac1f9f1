package be.hulpwijzer.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Optional;

/**
 * Lets the application answer errors of its pages with a page instead of a problem document (no such
 * route, a path parameter that is no number, a refusal or a missing entry thrown by the code behind a
 * page). API requests always get problem documents.
 */
public interface ErrorPages {

    /** A page for this error when the request is for a page; empty for the API. */
    default Optional<MutableHttpResponse<?>> page(HttpRequest<?> request, int status) {
        return page(request, status, null, List.of());
    }

    /** The same, saying this message (already in Dutch) and these details instead of the status's own text. */
    Optional<MutableHttpResponse<?>> page(HttpRequest<?> request, int status, @Nullable String message, List<String> details);
}
