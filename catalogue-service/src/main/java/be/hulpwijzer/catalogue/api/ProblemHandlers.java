package be.hulpwijzer.catalogue.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns the API's own exceptions into problem documents with the right status. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }

    @Produces
    @Singleton
    @Requires(classes = InvalidRequestException.class)
    static final class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            String detail = e.errors().size() == 1 ? e.errors().get(0).message()
                    : Messages.get("invalid.detail", e.errors().size());
            return respond(new Problem("about:blank", Messages.get("invalid.title"), 400, detail, e.errors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = NotFoundException.class)
    static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFoundException e) {
            return respond(Problem.of(404, Messages.get("notFound.title"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ForbiddenException.class)
    static final class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ForbiddenException e) {
            return respond(Problem.of(403, Messages.get("status.403"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ConflictException.class)
    static final class Conflict implements ExceptionHandler<ConflictException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConflictException e) {
            return respond(Problem.of(409, Messages.get("conflict.title"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = OptimisticLockException.class)
    static final class OptimisticLock implements ExceptionHandler<OptimisticLockException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OptimisticLockException e) {
            return respond(Problem.of(409, Messages.get("conflict.title"), Messages.get("conflict.version")));
        }
    }
}
