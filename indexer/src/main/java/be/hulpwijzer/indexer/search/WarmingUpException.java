package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The first index is still being built: 503 with a retry hint, not an error. */
public final class WarmingUpException extends RuntimeException {

    public WarmingUpException() {
        super(Messages.get("search.warmingUp"));
    }

    @Produces
    @Singleton
    static final class Handler implements ExceptionHandler<WarmingUpException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, WarmingUpException e) {
            return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(Problem.MEDIA_TYPE).body(Problem.of(503, Messages.get("status.503"), e.getMessage()));
        }
    }
}
