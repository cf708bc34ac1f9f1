package be.hulpwijzer.catalogue.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The framework's own errors (no such route, wrong method, a path parameter that is no number, an
 * unreadable body) as problem documents too, with Dutch titles and without internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final ErrorPages pages;

    ProblemErrorResponseProcessor(@io.micronaut.core.annotation.Nullable ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        if (pages != null) {
            java.util.Optional<MutableHttpResponse<?>> page = pages.page(context.getRequest(), status);
            if (page.isPresent()) {
                @SuppressWarnings("unchecked")
                MutableHttpResponse<Problem> html = (MutableHttpResponse<Problem>) page.get();
                return html;
            }
        }
        String title = Messages.has("status." + status) ? Messages.get("status." + status) : response.reason();
        List<FieldError> errors = status == 400
                ? context.getErrors().stream().map(ProblemErrorResponseProcessor::fieldError).toList()
                : List.of();
        String detail = status >= 500 ? Messages.get("status.500.detail")
                : !errors.isEmpty() ? errors.get(0).message()
                : Messages.has("status." + status + ".detail") ? Messages.get("status." + status + ".detail") : title;
        return response.contentType(Problem.MEDIA_TYPE)
                .body(new Problem("about:blank", title, status, detail, errors));
    }

    /** The framework names a parameter by a JSON pointer ("/id"); people and our other errors name it "id". */
    private static FieldError fieldError(Error error) {
        String name = error.getPath().map(path -> path.startsWith("/") ? path.substring(1) : path).orElse("");
        return new FieldError(name, "invalid", Messages.get("invalid.parameter", name.isEmpty() ? "?" : name));
    }
}
