package be.hulpwijzer.web.page;

import be.hulpwijzer.catalogue.api.ErrorPages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Errors of pages (not of the API) as pages: an unknown address, a path parameter that is no number.
 * Rendered here, because error responses do not pass through view rendering.
 */
@Singleton
class HtmlErrorPages implements ErrorPages {

    private final ViewsRendererLocator renderers;
    private final SignedInModel signedIn;

    HtmlErrorPages(ViewsRendererLocator renderers, SignedInModel signedIn) {
        this.renderers = renderers;
        this.signedIn = signedIn;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<MutableHttpResponse<?>> page(HttpRequest<?> request, int status, @Nullable String message, List<String> details) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/health") || path.startsWith("/static/")) {
            return Optional.empty();
        }
        int shown = status == 405 ? 404 : status;
        ModelAndView<Map<String, Object>> page = ErrorPage.of(shown, status == 405 ? null : message, details).body();
        signedIn.process(request, page);
        Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer("error", MediaType.TEXT_HTML, page.getModel().orElseThrow());
        if (renderer.isEmpty()) {
            return Optional.empty();
        }
        Writable writable = ((ViewsRenderer) renderer.get()).render("error", page.getModel().orElseThrow(), request);
        StringWriter html = new StringWriter();
        try {
            writable.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(HttpResponse.status(HttpStatus.valueOf(shown)).contentType(MediaType.TEXT_HTML_TYPE)
                .body(html.toString()));
    }
}
