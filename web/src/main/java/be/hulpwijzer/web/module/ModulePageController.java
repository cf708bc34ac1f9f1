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
                         LocationRepository locations, MethodRepository methods, ReferenceData reference, Clock clock) {
        this.modules = modules;
        this.organisations = organisations;
        this.availability = availability;
        this.history = history;
        this.locations = locations;
        this.methods = methods;
        this.page = new ModulePage(reference);
        this.clock = clock;
    }

    @Get("/{id}")
    HttpResponse<?> module(long id) {
        return model(id).<HttpResponse<?>>map(model -> HttpResponse.ok(new ModelAndView<>("module", model)))
                .orElseGet(ErrorPage::notFound);
    }

    @Get("/{id}/verwijsfiche")
    HttpResponse<?> referralSheet(long id) {
        return model(id).<HttpResponse<?>>map(model -> HttpResponse.ok(new ModelAndView<>("referral", model)))
                .orElseGet(ErrorPage::notFound);
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
