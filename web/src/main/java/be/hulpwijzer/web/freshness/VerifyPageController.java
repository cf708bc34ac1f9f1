package be.hulpwijzer.web.freshness;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.freshness.Freshness;
import be.hulpwijzer.catalogue.freshness.Verification;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Ownership;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.editing.EntityForm;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.FieldMessages;
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
import java.util.List;
import java.util.Map;

/**
 * A coordinator verifies an organisation: the page says what verifying means, lists what is still not
 * confirmed (then it cannot be verified yet), asks what was checked with the organisation, and shows the
 * verifications before.
 */
@Controller("/te-bevestigen/organisaties/{id}/verifieren")
@Secured({Roles.COORDINATOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class VerifyPageController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Freshness freshness;
    private final OrganisationRepository organisations;
    private final ReferenceData reference;
    private final Ownership ownership;
    private final Csrf csrf;

    VerifyPageController(Freshness freshness, OrganisationRepository organisations, ReferenceData reference,
                         Ownership ownership, Csrf csrf) {
        this.freshness = freshness;
        this.organisations = organisations;
        this.reference = reference;
        this.ownership = ownership;
        this.csrf = csrf;
    }

    @Get
    HttpResponse<?> page(long id, HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String zone) {
        ownership.requireCoordinates(caller, id);
        return HttpResponse.ok(view(id, request, caller, zone(zone), List.of(), "", List.of()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> verify(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        Map<String, List<String>> typed = EntityForm.typed(body);
        List<String> checked = typed.getOrDefault("checked", List.of());
        String note = typed.getOrDefault("note", List.of("")).get(0).strip();
        String zone = zone(typed.getOrDefault("zone", List.of("")).get(0));
        ObjectNode json = JSON.createObjectNode();
        checked.forEach(json.putArray("checked")::add);
        if (!note.isEmpty()) {
            json.put("note", note);
        }
        try {
            freshness.verify(id, caller, json.toString());
        } catch (InvalidRequestException e) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(id, request, caller, zone, checked, note,
                    e.errors().stream().map(error -> FieldMessages.say(error, field -> switch (field) {
                        case "checked" -> Texts.get("verifyChecked");
                        case "note" -> Texts.get("verifyNote");
                        default -> null;
                    })).toList()));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(view(id, request, caller, zone, checked, note, List.of(e.getMessage())));
        }
        return HttpResponse.seeOther(URI.create("/te-bevestigen?geverifieerd=1" + (zone.isEmpty() ? "" : "&zone=" + zone)));
    }

    private String zone(@Nullable String zone) {
        return zone != null && reference.isZone(zone) ? zone : "";
    }

    private ModelAndView<Map<String, Object>> view(long id, HttpRequest<?> request, Authentication caller, String zone,
                                                   List<String> checked, String note, List<String> errors) {
        String name = organisations.get(id).name();
        Map<String, Object> model = Models.page(Texts.get("verifyTitle", name));
        model.put("csrf", csrf.token(request));
        model.put("id", id);
        model.put("zone", zone);
        model.put("back", "/te-bevestigen" + (zone.isEmpty() ? "" : "?zone=" + zone));
        List<Freshness.ToConfirm> stale = freshness.toConfirm(id, caller);
        model.put("stale", stale.stream().map(m -> Map.of("title", m.title(), "state", Texts.get("state." + m.state()),
                "confirmed", m.confirmedAt() == null ? Texts.get("never") : Dutch.date(m.confirmedAt()))).toList());
        model.put("canVerify", stale.isEmpty());
        model.put("parts", Verification.PARTS.stream().map(p -> Map.of("code", p, "name", Texts.get("verifyPart." + p),
                "checked", checked.contains(p))).toList());
        model.put("note", note);
        model.put("errors", errors);
        model.put("history", freshness.verifications(id, caller).stream().map(v -> Map.of("when", Dutch.date(v.verifiedAt()),
                "who", v.verifiedBy(), "what", String.join(", ", v.checked().stream().map(p -> Texts.get("verifyPart." + p)).toList()),
                "note", v.note() == null ? "" : v.note(), "modules", Texts.get("verifyModules", v.modules()))).toList());
        return new ModelAndView<>("verify", model);
    }
}
