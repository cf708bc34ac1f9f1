package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.availability.AvailabilityRepository;
import be.hulpwijzer.catalogue.method.MethodRepository;
import be.hulpwijzer.catalogue.organisation.OrganisationRepository;
import be.hulpwijzer.catalogue.security.Audited;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.Clock;
import java.util.List;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class ModuleController {

    private final ModuleRepository modules;
    private final OrganisationRepository organisations;
    private final AvailabilityRepository availabilities;
    private final MethodRepository methods;
    private final ModuleWriter writer;
    private final Clock clock;

    ModuleController(ModuleRepository modules, OrganisationRepository organisations,
                     AvailabilityRepository availabilities, MethodRepository methods, ModuleWriter writer, Clock clock) {
        this.clock = clock;
        this.modules = modules;
        this.organisations = organisations;
        this.availabilities = availabilities;
        this.methods = methods;
        this.writer = writer;
    }

    @Get("/organisations/{id}/modules")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<ModuleView> list(long id) {
        requireOrganisation(id);
        return modules.findByOrganisationIdOrderByTitle(id).stream()
                .map(m -> ModuleView.of(m, availabilities.findById(m.id()).orElse(null), clock.instant())).toList();
    }

    /** The modules that practise a method. */
    @Get("/methods/{id}/modules")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<ModuleView> practising(long id) {
        return modules.findPractising(methods.get(id).code()).stream()
                .map(m -> ModuleView.of(m, availabilities.findById(m.id()).orElse(null), clock.instant())).toList();
    }

    @Get("/modules/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModuleView show(long id) {
        HelpModule module = modules.get(id);
        return ModuleView.of(module, availabilities.findById(id).orElse(null), clock.instant());
    }

    @Post("/organisations/{id}/modules")
    @Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    HttpResponse<ModuleView> create(long id, @Body String body, Authentication caller) {
        HelpModule saved = writer.create(caller, id, body);
        return HttpResponse.created(ModuleView.of(saved, null, clock.instant()), URI.create("/api/v1/modules/" + saved.id()));
    }

    @Put("/modules/{id}")
    @Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    ModuleView update(long id, @Body String body, Authentication caller) {
        HelpModule updated = writer.update(caller, id, body);
        return ModuleView.of(updated, availabilities.findById(id).orElse(null), clock.instant());
    }

    @Delete("/modules/{id}")
    @Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    @Status(HttpStatus.NO_CONTENT)
    void delete(long id, Authentication caller) {
        writer.delete(caller, id);
    }

    private void requireOrganisation(long id) {
        organisations.get(id);
    }

}
