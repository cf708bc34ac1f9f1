package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.availability.AvailabilityService;
import be.hulpwijzer.catalogue.engagement.EngagementRepository;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.Organisation;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationWriter;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Ownership;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.catalogue.token.Tokens;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.Dutch;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Clock;
import java.time.LocalDate;

/**
 * "Mijn organisatie": the organisations an editor keeps (all, for an administrator), one organisation's
 * entries with links to their forms, its own details, and its API tokens (made here, shown once).
 */
@Controller("/beheer")
@Secured({Roles.EDITOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganisationAdminController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrganisationRepository organisations;
    private final LocationRepository locations;
    private final ModuleRepository modules;
    private final EngagementRepository engagements;
    private final AvailabilityService availability;
    private final OrganisationWriter writer;
    private final Tokens tokens;
    private final Forms forms;
    private final EditFlow flow;
    private final Csrf csrf;
    private final Ownership ownership;
    private final Clock clock;
    private final be.hulpwijzer.catalogue.reference.ReferenceData reference;

    OrganisationAdminController(OrganisationRepository organisations, LocationRepository locations, ModuleRepository modules,
                                EngagementRepository engagements, AvailabilityService availability,
                                OrganisationWriter writer, Tokens tokens, Forms forms, EditFlow flow, Csrf csrf,
                                Ownership ownership, Clock clock, be.hulpwijzer.catalogue.reference.ReferenceData reference) {
        this.ownership = ownership;
        this.reference = reference;
        this.clock = clock;
        this.organisations = organisations;
        this.locations = locations;
        this.modules = modules;
        this.engagements = engagements;
        this.availability = availability;
        this.writer = writer;
        this.tokens = tokens;
        this.forms = forms;
        this.flow = flow;
        this.csrf = csrf;
    }

    static String overview(long organisation) {
        return "/beheer/organisaties/" + organisation;
    }

    @Get
    HttpResponse<?> home(Authentication caller, @Nullable @QueryValue String naam) {
        Map<String, Object> model = Models.page(Texts.get("manageTitle"));
        List<Organisation> list = Roles.isAdmin(caller)
                ? organisations.findNamed(naam == null ? "" : naam.strip())
                : Roles.organisations(caller).stream().map(organisations::findById).flatMap(java.util.Optional::stream).toList();
        model.put("organisations", list.stream().map(o -> Map.of("id", o.id(), "name", o.name())).toList());
        model.put("admin", Roles.isAdmin(caller));
        model.put("naam", naam == null ? "" : naam);
        model.put("none", list.isEmpty());
        return HttpResponse.ok(new ModelAndView<>("manage", model));
    }

    @Get("/organisaties/{id}")
    HttpResponse<?> organisation(long id, HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String opgeslagen,
                                 @Nullable @QueryValue String verwijderd, @Nullable @QueryValue String ingetrokken) {
        Map<String, Object> model = overviewModel(id, request, caller);
        if (opgeslagen != null) {
            model.put("notice", Texts.get("manageSaved"));
        } else if (verwijderd != null) {
            model.put("notice", Texts.get("manageDeleted"));
        } else if (ingetrokken != null) {
            model.put("notice", Texts.get("tokenRevoked"));
        }
        return HttpResponse.ok(new ModelAndView<>("organisation-admin", model));
    }

    @Get("/organisaties/{id}/gegevens")
    HttpResponse<?> details(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        return flow.show(request, detailsPage(id), forms.organisation(), stored(id));
    }

    @Post("/organisaties/{id}/gegevens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> saveDetails(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> detailsPage(id), forms.organisation(), () -> stored(id),
                json -> overview(writer.update(caller, id, json).id()) + "?opgeslagen=1");
    }

    /** The new token is shown on this answer only (no redirect, not cached): it is stored as a hash. */
    @Post("/organisaties/{id}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> createToken(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        Map<String, Object> model;
        HttpStatus status = HttpStatus.OK;
        String label = body.get("label") instanceof String text ? text.strip() : "";
        try {
            Tokens.NewToken made = tokens.create(caller, id, JSON.createObjectNode().put("label", label).toString());
            model = overviewModel(id, request, caller);
            model.put("newToken", made.token());
            model.put("newTokenLabel", made.label());
        } catch (be.hulpwijzer.catalogue.api.InvalidRequestException e) {
            model = overviewModel(id, request, caller);
            model.put("tokenError", Texts.get("tokenLabelRequired"));
            status = HttpStatus.BAD_REQUEST;
        }
        return HttpResponse.status(status).header("Cache-Control", "no-store").body(new ModelAndView<>("organisation-admin", model));
    }

    @Post("/organisaties/{id}/tokens/{tokenId}/intrekken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> revokeToken(long id, long tokenId, HttpRequest<?> request, @Body Map<String, Object> body,
                                Authentication caller) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        tokens.revoke(caller, id, tokenId);
        return HttpResponse.seeOther(URI.create(overview(id) + "?ingetrokken=1"));
    }

    private Map<String, Object> overviewModel(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        Organisation organisation = organisations.get(id);
        Map<String, Object> model = Models.page(organisation.name());
        model.put("id", id);
        model.put("csrf", csrf.token(request));
        model.put("locations", locations.findByOrganisationIdOrderByName(id).stream()
                .map(l -> Map.of("id", l.id(), "name", l.name(), "postcode", l.postcode(), "confidential", l.confidential(),
                        "place", place(l.nisCode()))).toList());
        List<be.hulpwijzer.catalogue.module.HelpModule> offered = modules.findByOrganisationIdOrderByTitle(id);
        Map<Long, be.hulpwijzer.catalogue.availability.AvailabilityView> current =
                availability.current(offered.stream().map(be.hulpwijzer.catalogue.module.HelpModule::id).toList());
        model.put("modules", offered.stream().map(m -> Map.of("id", m.id(), "title", m.title(),
                "status", Texts.get("moduleStatus." + m.status()), "badge", java.util.Optional.ofNullable(current.get(m.id()))
                        .map(a -> Dutch.availability(a.state(), a.freePlaces(), a.expectedWaitDays()))
                        .orElse(Texts.get("badgeUnknown")))).toList());
        model.put("engagements", engagements.findByOrganisationIdOrderByValidFromDesc(id).stream()
                .map(e -> Map.of("id", e.id(), "title", e.title(), "period", period(e), "ended",
                        e.validTo() != null && e.validTo().isBefore(LocalDate.now(clock)))).toList());
        model.put("tokens", tokens.list(caller, id).stream().map(t -> Map.of("id", t.id(), "label", t.label(), "createdBy", t.createdBy(),
                "createdAt", Dutch.date(t.createdAt()), "revoked", t.revokedAt() != null,
                "revokedAt", t.revokedAt() == null ? "" : Dutch.date(t.revokedAt()))).toList());
        return model;
    }

    /** "lopend sinds 1 januari 2026", "afgelopen op 30 november 2026", "start op 1 maart 2027": never an ended one as current. */
    static String period(be.hulpwijzer.catalogue.engagement.Engagement e, LocalDate today) {
        if (e.validTo() != null && e.validTo().isBefore(today)) {
            return Texts.get("engagementEnded", Dutch.date(e.validTo()));
        }
        if (e.validFrom().isAfter(today)) {
            return Texts.get("engagementStarts", Dutch.date(e.validFrom()));
        }
        return e.validTo() == null ? Texts.get("engagementValidOpen", Dutch.date(e.validFrom()))
                : Texts.get("engagementValid", Dutch.date(e.validFrom()), Dutch.date(e.validTo()));
    }

    /** "Brugge (zone Brugge)": the municipality found from the postcode, and the zone it belongs to. */
    private String place(String nisCode) {
        be.hulpwijzer.catalogue.reference.Municipality municipality = reference.municipalitiesByNis().get(nisCode);
        if (municipality == null) {
            return nisCode;
        }
        return Texts.get("managePlace", municipality.name(), String.join(", ", municipality.zones().stream()
                .map(z -> reference.zonesByCode().containsKey(z) ? reference.zonesByCode().get(z).name() : z).toList()));
    }

    private String period(be.hulpwijzer.catalogue.engagement.Engagement e) {
        return period(e, LocalDate.now(clock));
    }

    private EditFlow.Page detailsPage(long id) {
        Organisation organisation = organisations.get(id);
        return new EditFlow.Page(Texts.get("form.edit", organisation.name()), organisation.name(),
                "/beheer/organisaties/" + id + "/gegevens", overview(id), null);
    }

    private Stored stored(long id) {
        Organisation organisation = organisations.get(id);
        return new Stored(id, organisation.version(), organisation.name(), Models.map(organisation));
    }
}
