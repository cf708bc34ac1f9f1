package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every editing form behaves: refuse a post without the form's CSRF token; send what was typed to the
 * same code as the API; on success redirect (post/redirect/get); on a wrong field show the form again with
 * the message next to it and everything typed kept; when someone else saved first, keep what was typed,
 * show what they stored beside it, and overwrite nothing.
 */
@Singleton
public class EditFlow {

    static final String VIEW = "edit";

    private final Csrf csrf;

    EditFlow(Csrf csrf) {
        this.csrf = csrf;
    }

    /** What a form page is about: its heading, where it posts, where "back" leads, and what it may delete. */
    public record Page(String heading, String organisationName, String action, String back, @Nullable String deleteAction,
                       @Nullable String notice) {

        public Page(String heading, String organisationName, String action, String back, @Nullable String deleteAction) {
            this(heading, organisationName, action, back, deleteAction, null);
        }
    }

    public HttpResponse<?> show(HttpRequest<?> request, Page page, EntityForm form, @Nullable Stored stored) {
        Map<String, List<String>> values = stored == null ? Map.of() : form.stored(stored.values());
        return render(HttpStatus.OK, request, page, form, values, List.of(), stored == null ? null : stored.version(), null);
    }

    /**
     * Saves: {@code save} gets the JSON and answers where to go next; {@code page} is only read when the
     * form is shown again. {@code current} reads the entry as
     * stored now (for a conflict); null for a new entry.
     */
    public HttpResponse<?> submit(HttpRequest<?> request, Map<String, Object> body, Supplier<Page> page, EntityForm form,
                           @Nullable Supplier<Stored> current, Function<String, String> save) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        Map<String, List<String>> typed = EntityForm.typed(body);
        Long version = current == null ? null : parseVersion(typed);
        try {
            return HttpResponse.seeOther(URI.create(save.apply(form.json(typed, version))));
        } catch (InvalidRequestException e) {
            return render(HttpStatus.BAD_REQUEST, request, page.get(), form, typed, e.errors(), version, null);
        } catch (OptimisticLockException | ConflictException e) {
            if (current == null) {
                return render(HttpStatus.CONFLICT, request, page.get(), form, typed,
                        List.of(new be.hulpwijzer.catalogue.api.FieldError("", "conflict", e.getMessage())), null, null);
            }
            Stored now = current.get();
            return render(HttpStatus.CONFLICT, request, page.get(), form, typed, List.of(), now.version(), form.stored(now.values()));
        }
    }

    /** A form with a version that is no number is a stale or forged form: it conflicts rather than overwrites. */
    private static long parseVersion(Map<String, List<String>> typed) {
        List<String> version = typed.getOrDefault("version", List.of());
        return version.size() == 1 && version.get(0).matches("\\d{1,18}") ? Long.parseLong(version.get(0)) : -1;
    }

    private HttpResponse<?> render(HttpStatus status, HttpRequest<?> request, Page page, EntityForm form,
                                   Map<String, List<String>> values, List<be.hulpwijzer.catalogue.api.FieldError> errors,
                                   @Nullable Long version, @Nullable Map<String, List<String>> meanwhile) {
        Map<String, Object> model = Models.page(page.heading());
        model.put("organisationName", page.organisationName());
        model.put("action", page.action());
        model.put("back", page.back());
        model.put("deleteAction", page.deleteAction());
        model.put("notice", page.notice());
        model.put("csrf", csrf.token(request));
        model.put("version", version == null ? "" : String.valueOf(version));
        List<Map<String, Object>> fields = form.view(values, errors, meanwhile);
        model.put("fields", fields);
        model.put("unplaced", form.unplaced(errors));
        model.put("invalid", !errors.isEmpty());
        model.put("summary", fields.stream().filter(f -> Boolean.TRUE.equals(f.get("invalid")))
                .map(f -> Map.of("id", f.get("id"), "label", f.get("label"))).toList());
        model.put("conflict", meanwhile != null);
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model));
    }
}
