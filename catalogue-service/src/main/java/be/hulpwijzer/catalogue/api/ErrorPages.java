package be.hulpwijzer.catalogue.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.Optional;

/**
 * Lets the application answer errors of its pages with a page instead of a problem document (no such
 * route, a path parameter that is no number). API requests always get problem documents.
 */
public interface ErrorPages {

    /** A page for this error when the request is for a page; empty for the API. */
    Optional<MutableHttpResponse<?>> page(HttpRequest<?> request, int status);
}
