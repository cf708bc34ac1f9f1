package be.hulpwijzer.catalogue.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Turns the API's own exceptions into problem documents with the right status; a request for a page gets
 * the application's error page with the same message instead (never a JSON document in a browser).
 */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }

    /** A problem document for the API, the error page (with the problem's message and field errors) for a page. */
    abstract static class PageOrProblem {
        private final ErrorPages pages;

        PageOrProblem(@Nullable ErrorPages pages) {
            this.pages = pages;
        }

        @SuppressWarnings("unchecked")
        HttpResponse<Problem> answer(HttpRequest<?> request, Problem problem) {
            if (pages != null) {
                java.util.Optional<MutableHttpResponse<?>> page = pages.page(request, problem.status(), problem.detail(),
                        problem.errors().size() > 1 ? problem.errors().stream().map(FieldError::message).toList() : java.util.List.of());
                if (page.isPresent()) {
                    return (HttpResponse<Problem>) page.get();
                }
            }
            return respond(problem);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = InvalidRequestException.class)
    static final class InvalidRequest extends PageOrProblem implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        InvalidRequest(@Nullable ErrorPages pages) {
            super(pages);
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            String detail = e.errors().size() == 1 ? e.errors().get(0).message()
                    : Messages.get("invalid.detail", e.errors().size());
            return answer(request, new Problem("about:blank", Messages.get("invalid.title"), 400, detail, e.errors()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = NotFoundException.class)
    static final class NotFound extends PageOrProblem implements ExceptionHandler<NotFoundException, HttpResponse<Problem>> {
        NotFound(@Nullable ErrorPages pages) {
            super(pages);
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFoundException e) {
            return answer(request, Problem.of(404, Messages.get("notFound.title"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ForbiddenException.class)
    static final class Forbidden extends PageOrProblem implements ExceptionHandler<ForbiddenException, HttpResponse<Problem>> {
        Forbidden(@Nullable ErrorPages pages) {
            super(pages);
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ForbiddenException e) {
            return answer(request, Problem.of(403, Messages.get("status.403"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = ConflictException.class)
    static final class Conflict extends PageOrProblem implements ExceptionHandler<ConflictException, HttpResponse<Problem>> {
        Conflict(@Nullable ErrorPages pages) {
            super(pages);
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConflictException e) {
            return answer(request, Problem.of(409, Messages.get("conflict.title"), e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = OptimisticLockException.class)
    static final class OptimisticLock extends PageOrProblem implements ExceptionHandler<OptimisticLockException, HttpResponse<Problem>> {
        OptimisticLock(@Nullable ErrorPages pages) {
            super(pages);
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OptimisticLockException e) {
            return answer(request, Problem.of(409, Messages.get("conflict.title"), Messages.get("conflict.version")));
        }
    }
}
