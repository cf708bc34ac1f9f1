package be.hulpwijzer.web.thesaurus;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.reference.CodeName;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.thesaurus.ThesaurusEditing;
import be.hulpwijzer.catalogue.thesaurus.ThesaurusGroupView;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Thesaurus": coordinators and administrators see the words search treats as the same, add a group (also in one
 * step from a word the signals page lists as not understood) and remove one. A change works in search at once.
 */
@Controller("/thesaurus")
@Secured({Roles.ADMIN, Roles.COORDINATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThesaurusPageController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 300;

    private final ThesaurusEditing thesaurus;
    private final ReferenceData reference;
    private final Csrf csrf;

    ThesaurusPageController(ThesaurusEditing thesaurus, ReferenceData reference, Csrf csrf) {
        this.thesaurus = thesaurus;
        this.reference = reference;
        this.csrf = csrf;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String woord,
                         @Nullable @QueryValue String toegevoegd, @Nullable @QueryValue String verwijderd) {
        Map<String, Object> model = model(request, q, woord == null ? "" : woord.strip(), "", "");
        if (toegevoegd != null) {
            model.put("notice", Texts.get("thesaurusAdded"));
        } else if (verwijderd != null) {
            model.put("notice", Texts.get("thesaurusRemoved"));
        }
        return HttpResponse.ok(new ModelAndView<>("thesaurus", model));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        String terms = text(body.get("terms"));
        String lifeDomain = text(body.get("lifeDomain"));
        String moduleType = text(body.get("moduleType"));
        ObjectNode json = JSON.createObjectNode();
        Arrays.stream(terms.split("[;\\n\\r]+")).map(String::strip).filter(t -> !t.isEmpty())
                .forEach(json.putArray("terms")::add);
        if (!json.has("terms")) {
            json.putArray("terms");
        }
        if (!lifeDomain.isEmpty()) {
            json.put("lifeDomain", lifeDomain);
        }
        if (!moduleType.isEmpty()) {
            json.put("moduleType", moduleType);
        }
        try {
            thesaurus.add(json.toString(), caller.getName());
            return HttpResponse.seeOther(URI.create("/thesaurus?toegevoegd=1&q="
                    + URLEncoder.encode(json.get("terms").get(0).asText(), StandardCharsets.UTF_8)));
        } catch (InvalidRequestException e) {
            Map<String, Object> model = model(request, null, terms, lifeDomain, moduleType);
            model.put("errors", e.errors().stream().map(ThesaurusPageController::message).toList());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("thesaurus", model));
        }
    }

    @Post("/{id}/verwijderen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        try {
            thesaurus.remove(id, caller.getName());
        } catch (NotFoundException e) {
            return ErrorPage.of(404, e.getMessage(), List.of());
        }
        return HttpResponse.seeOther(URI.create("/thesaurus?verwijderd=1"));
    }

    /** The API's messages name the JSON fields; the page names them by their labels. */
    private static String message(FieldError error) {
        return be.hulpwijzer.web.page.FieldMessages.say(error, field -> switch (field) {
            case "terms" -> Texts.get("thesaurusTerms");
            case "lifeDomain" -> Texts.get("thesaurusLifeDomain");
            case "moduleType" -> Texts.get("thesaurusModuleType");
            default -> null;
        });
    }

    private Map<String, Object> model(HttpRequest<?> request, @Nullable String q, String terms, String lifeDomain,
                                      String moduleType) {
        Map<String, Object> model = Models.page(Texts.get("thesaurusTitle"));
        model.put("csrf", csrf.token(request));
        String filter = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        model.put("q", filter);
        model.put("terms", terms);
        model.put("lifeDomains", options(reference.lifeDomains(), lifeDomain));
        model.put("moduleTypes", options(reference.moduleTypes(), moduleType));
        List<ThesaurusGroupView> all = thesaurus.list();
        List<ThesaurusGroupView> shown = all.stream()
                .filter(g -> filter.isEmpty() || g.terms().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(filter)))
                .toList();
        model.put("count", Texts.get("thesaurusCount", shown.size(), all.size()));
        model.put("groups", shown.stream().limit(SHOWN).map(this::row).toList());
        return model;
    }

    private Map<String, Object> row(ThesaurusGroupView group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", group.id());
        row.put("terms", String.join(" · ", group.terms()));
        row.put("first", group.terms().get(0));
        row.put("points", String.join(", ", java.util.stream.Stream.of(
                group.lifeDomain() == null ? null : CodeName.nameOf(reference.lifeDomains(), group.lifeDomain()),
                group.moduleType() == null ? null : CodeName.nameOf(reference.moduleTypes(), group.moduleType()))
                .filter(java.util.Objects::nonNull).toList()));
        row.put("source", group.shipped() ? Texts.get("thesaurusShipped", group.source()) : group.source());
        return row;
    }

    private static List<Map<String, Object>> options(List<CodeName> values, String selected) {
        return values.stream().map(v -> Map.<String, Object>of("code", v.code(), "name", v.name(),
                "selected", v.code().equals(selected))).toList();
    }


    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "" : String.valueOf(list.get(0)).strip();
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
