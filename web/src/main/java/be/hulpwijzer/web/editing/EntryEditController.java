package be.hulpwijzer.web.editing;

import be.hulpwijzer.catalogue.engagement.Engagement;
import be.hulpwijzer.catalogue.engagement.EngagementRepository;
import be.hulpwijzer.catalogue.engagement.EngagementWriter;
import be.hulpwijzer.catalogue.location.Location;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.location.LocationWriter;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.module.ModuleView;
import be.hulpwijzer.catalogue.module.ModuleWriter;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Ownership;
import be.hulpwijzer.catalogue.security.Roles;
import be.hulpwijzer.web.page.Csrf;
import be.hulpwijzer.web.page.ErrorPage;
import be.hulpwijzer.web.page.Models;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The forms for an organisation's locations, modules and engagements: new, edit, and (locations and
 * engagements) delete. A module is ended through its status, so its history stays. Who may open a form is
 * asked of {@link Ownership} with the bound id; who may post it is asked again by the writer, as for the API.
 */
@Controller("/beheer")
@Secured({Roles.EDITOR, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class EntryEditController {

    private final Forms forms;
    private final EditFlow flow;
    private final Csrf csrf;
    private final OrganisationRepository organisations;
    private final LocationRepository locations;
    private final ModuleRepository modules;
    private final EngagementRepository engagements;
    private final LocationWriter locationWriter;
    private final ModuleWriter moduleWriter;
    private final EngagementWriter engagementWriter;
    private final Ownership ownership;
    private final java.time.Clock clock;

    EntryEditController(Forms forms, EditFlow flow, Csrf csrf, OrganisationRepository organisations,
                        LocationRepository locations, ModuleRepository modules, EngagementRepository engagements,
                        LocationWriter locationWriter, ModuleWriter moduleWriter, EngagementWriter engagementWriter,
                        Ownership ownership, java.time.Clock clock) {
        this.ownership = ownership;
        this.clock = clock;
        this.forms = forms;
        this.flow = flow;
        this.csrf = csrf;
        this.organisations = organisations;
        this.locations = locations;
        this.modules = modules;
        this.engagements = engagements;
        this.locationWriter = locationWriter;
        this.moduleWriter = moduleWriter;
        this.engagementWriter = engagementWriter;
    }

    // locations

    @Get("/organisaties/{id}/locaties/nieuw")
    HttpResponse<?> newLocation(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        return flow.show(request, newPage(id, "locaties", "formNewLocation"), forms.location(), null);
    }

    @Post("/organisaties/{id}/locaties/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> createLocation(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> newPage(id, "locaties", "formNewLocation"), forms.location(), null,
                json -> saved(locationWriter.create(caller, id, json).organisationId()));
    }

    @Get("/locaties/{id}")
    HttpResponse<?> editLocation(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.LOCATION, id);
        return flow.show(request, locationPage(id), forms.location(), location(id));
    }

    @Post("/locaties/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> updateLocation(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> locationPage(id), forms.location(), () -> location(id),
                json -> saved(locationWriter.update(caller, id, json).organisationId()));
    }

    @Post("/locaties/{id}/verwijderen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> deleteLocation(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        long organisation = locations.get(id).organisationId();
        return delete(request, body, organisation, () -> locationWriter.delete(caller, id));
    }

    // modules

    @Get("/organisaties/{id}/modules/nieuw")
    HttpResponse<?> newModule(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        return flow.show(request, newPage(id, "modules", "formNewModule"), forms.module(), null);
    }

    @Post("/organisaties/{id}/modules/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> createModule(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> newPage(id, "modules", "formNewModule"), forms.module(), null,
                json -> saved(moduleWriter.create(caller, id, json).organisationId()));
    }

    @Get("/modules/{id}")
    HttpResponse<?> editModule(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.MODULE, id);
        return flow.show(request, modulePage(id), forms.module(), module(id));
    }

    @Post("/modules/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> updateModule(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> modulePage(id), forms.module(), () -> module(id),
                json -> saved(moduleWriter.update(caller, id, json).organisationId()));
    }

    // engagements

    @Get("/organisaties/{id}/engagementen/nieuw")
    HttpResponse<?> newEngagement(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ORGANISATION, id);
        return flow.show(request, newPage(id, "engagementen", "formNewEngagement"), forms.engagement(id), null);
    }

    @Post("/organisaties/{id}/engagementen/nieuw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> createEngagement(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> newPage(id, "engagementen", "formNewEngagement"), forms.engagement(id), null,
                json -> saved(engagementWriter.create(caller, id, json).organisationId()));
    }

    @Get("/engagementen/{id}")
    HttpResponse<?> editEngagement(long id, HttpRequest<?> request, Authentication caller) {
        ownership.requireMayChange(caller, Ownership.Entry.ENGAGEMENT, id);
        return flow.show(request, engagementPage(id), forms.engagement(engagements.get(id).organisationId()), engagement(id));
    }

    @Post("/engagementen/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> updateEngagement(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        return flow.submit(request, body, () -> engagementPage(id), forms.engagement(engagements.get(id).organisationId()), () -> engagement(id),
                json -> saved(engagementWriter.update(caller, id, json).organisationId()));
    }

    @Post("/engagementen/{id}/verwijderen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited
    HttpResponse<?> deleteEngagement(long id, HttpRequest<?> request, @Body Map<String, Object> body, Authentication caller) {
        long organisation = engagements.get(id).organisationId();
        return delete(request, body, organisation, () -> engagementWriter.delete(caller, id));
    }

    // the pages' frames and the entries as stored

    private HttpResponse<?> delete(HttpRequest<?> request, Map<String, Object> body, long organisation, Runnable delete) {
        if (!csrf.validForm(request, body)) {
            return ErrorPage.csrfRefused();
        }
        delete.run();
        return HttpResponse.seeOther(URI.create(OrganisationAdminController.overview(organisation) + "?verwijderd=1"));
    }

    private static String saved(long organisation) {
        return OrganisationAdminController.overview(organisation) + "?opgeslagen=1";
    }

    private EditFlow.Page newPage(long organisation, String kind, String headingKey) {
        String name = organisations.get(organisation).name();
        return new EditFlow.Page(Texts.get(headingKey), name, "/beheer/organisaties/" + organisation + "/" + kind + "/nieuw",
                OrganisationAdminController.overview(organisation), null);
    }

    private EditFlow.Page locationPage(long id) {
        Stored stored = location(id);
        return editPage(stored, "/beheer/locaties/" + id, "/beheer/locaties/" + id + "/verwijderen");
    }

    private EditFlow.Page modulePage(long id) {
        return editPage(module(id), "/beheer/modules/" + id, null);
    }

    /** An engagement that has ended says so above its form: it is kept for the record, not current. */
    private EditFlow.Page engagementPage(long id) {
        Stored stored = engagement(id);
        Engagement engagement = engagements.get(id);
        String notice = engagement.validTo() != null && engagement.validTo().isBefore(java.time.LocalDate.now(clock))
                ? Texts.get("engagementEndedNotice", be.hulpwijzer.web.page.Dutch.date(engagement.validTo())) : null;
        return new EditFlow.Page(Texts.get("form.edit", stored.name()), organisations.get(stored.organisationId()).name(),
                "/beheer/engagementen/" + id, OrganisationAdminController.overview(stored.organisationId()),
                "/beheer/engagementen/" + id + "/verwijderen", notice);
    }

    private EditFlow.Page editPage(Stored stored, String action, String deleteAction) {
        return new EditFlow.Page(Texts.get("form.edit", stored.name()), organisations.get(stored.organisationId()).name(),
                action, OrganisationAdminController.overview(stored.organisationId()), deleteAction);
    }

    private Stored location(long id) {
        Location location = locations.get(id);
        Map<String, Object> values = Models.map(location);
        values.put("municipality", location.nisCode());
        return new Stored(location.organisationId(), location.version(), location.name(), values);
    }

    private Stored module(long id) {
        HelpModule module = modules.get(id);
        return new Stored(module.organisationId(), module.version(), module.title(),
                Models.map(ModuleView.of(module, null, Instant.now())));
    }

    private Stored engagement(long id) {
        Engagement engagement = engagements.get(id);
        return new Stored(engagement.organisationId(), engagement.version(), engagement.title(), Models.map(engagement));
    }
}
