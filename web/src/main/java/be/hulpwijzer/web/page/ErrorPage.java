package be.hulpwijzer.web.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;

/** A friendly Dutch page for an error, with the right status. */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> of(int status, String message, List<String> details) {
        String key = switch (status) {
            case 400 -> "error400";
            case 401 -> "error401";
            case 403 -> "error403";
            case 404 -> "error404";
            case 409 -> "error409";
            case 503 -> "error503";
            default -> "error500";
        };
        Map<String, Object> model = Models.page(Texts.get(key));
        model.put("status", status);
        model.put("message", message == null ? Texts.get(key + "Text") : message);
        model.put("details", details);
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.valueOf(status))
                .body(new ModelAndView<>("error", model));
    }

    /** A form posted without this session's CSRF token. */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> csrfRefused() {
        return of(403, Texts.get("csrfRefused"), List.of());
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> notFound() {
        return of(404, null, List.of());
    }
}
