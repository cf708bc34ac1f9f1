package be.hulpwijzer.web.module;

import be.hulpwijzer.catalogue.availability.AvailabilityHistoryRepository;
import be.hulpwijzer.catalogue.availability.AvailabilityRepository;
import be.hulpwijzer.catalogue.location.LocationRepository;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.web.page.ErrorPage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A module's page, and its printable referral sheet for the family. */
@Controller("/modules")
@Secured(SecurityRule.IS_ANONYMOUS)
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModulePageController {

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final AvailabilityRepository availability;
    private final AvailabilityHistoryRepository history;
    private final LocationRepository locations;
    private final MethodRepository methods;
    private final ModulePage page;
    private final Clock clock;

    ModulePageController(ModuleRepository modules, OrganisationRepository organisations,
                         AvailabilityRepository availability, AvailabilityHistoryRepository history,
                         LocationRepository locations, MethodRepository methods, ReferenceData reference, Clock clock,
                         be.hulpwijzer.web.page.Addresses addresses) {
        this.modules = modules;
        this.organisations = organisations;
        this.availability = availability;
        this.history = history;
        this.locations = locations;
        this.methods = methods;
        this.page = new ModulePage(reference, addresses);
        this.clock = clock;
    }

    @Get("/{id}")
    HttpResponse<?> module(long id, io.micronaut.http.HttpRequest<?> request, @io.micronaut.core.annotation.Nullable
                           @io.micronaut.http.annotation.QueryValue String terug) {
        return model(id).map(model -> withWayBack(model, id, request, terug))
                .<HttpResponse<?>>map(model -> HttpResponse.ok(new ModelAndView<>("module", model)))
                .orElseGet(ErrorPage::notFound);
    }

    @Get("/{id}/verwijsfiche")
    HttpResponse<?> referralSheet(long id, io.micronaut.http.HttpRequest<?> request, @io.micronaut.core.annotation.Nullable
                                  @io.micronaut.http.annotation.QueryValue String terug) {
        return model(id).map(model -> withWayBack(model, id, request, terug))
                .map(model -> {
                    model.put("printed", be.hulpwijzer.web.page.Texts.get("printedOn", be.hulpwijzer.web.page.Dutch.date(clock.instant())));
                    return model;
                })
                .<HttpResponse<?>>map(model -> HttpResponse.ok(new ModelAndView<>("referral", model)))
                .orElseGet(ErrorPage::notFound);
    }

    /**
     * The search the page was opened from ("Terug naar zoeken") and the family's selection, both carried in the
     * URL, with the link that adds this module to the selection.
     */
    private static Map<String, Object> withWayBack(Map<String, Object> model, long id, io.micronaut.http.HttpRequest<?> request,
                                                   @io.micronaut.core.annotation.Nullable String terug) {
        String back = be.hulpwijzer.web.page.BackToSearch.href(terug);
        be.hulpwijzer.web.selection.Selection selection = be.hulpwijzer.web.selection.Selection
                .parse(request.getParameters().getAll("m")).orElse(new be.hulpwijzer.web.selection.Selection(List.of(), false));
        String carried = (selection.ids().isEmpty() ? "" : selection.query() + "&") + be.hulpwijzer.web.page.BackToSearch.parameter(back);
        model.put("back", back + (selection.ids().isEmpty() ? "" : (back.contains("?") ? "&" : "?") + selection.query()));
        model.put("sheetHref", "/modules/" + id + "/verwijsfiche?" + carried);
        model.put("moduleHref", "/modules/" + id + "?" + carried);
        be.hulpwijzer.web.selection.Selection with = selection.contains(id) ? selection : selection.toggle(id);
        model.put("selectionHref", "/selectie?" + with.query() + "&" + be.hulpwijzer.web.page.BackToSearch.parameter(back));
        model.put("inSelection", selection.contains(id));
        return model;
    }

    private Optional<Map<String, Object>> model(long id) {
        Optional<HelpModule> module = modules.findById(id).filter(m -> !"ended".equals(m.status()));
        if (module.isEmpty()) {
            return Optional.empty();
        }
        HelpModule m = module.get();
        Instant now = clock.instant();
        return Optional.of(page.model(m, organisations.findById(m.organisationId()).orElseThrow(),
                availability.findById(id).orElse(null), history.findByModuleIdOrderById(id),
                locations.findByOrganisationIdOrderByName(m.organisationId()),
                m.methods().stream().map(methods::findByCode).flatMap(Optional::stream).toList(), now));
    }
}
