package be.hulpwijzer.catalogue.availability;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.util.List;

@Controller("/api/v1/modules/{id}/availability")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.APPLICATION_JSON)
class AvailabilityController {

    private final ModuleRepository modules;
    private final AvailabilityRepository availabilities;
    private final AvailabilityHistoryRepository history;
    private final Clock clock;
    private final AvailabilityService service;

    AvailabilityController(ModuleRepository modules, AvailabilityRepository availabilities,
                           AvailabilityHistoryRepository history, Clock clock, AvailabilityService service) {
        this.modules = modules;
        this.availabilities = availabilities;
        this.history = history;
        this.clock = clock;
        this.service = service;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    AvailabilityView show(long id) {
        modules.get(id);
        Availability availability = availabilities.findById(id)
                .orElseThrow(() -> new be.hulpwijzer.catalogue.api.NotFoundException(Messages.get("what.availability"), id));
        return AvailabilityView.of(availability, clock.instant());
    }

    /**
     * Sets the module's availability. The first time no version is needed; after that the version last
     * read must be sent, so that two people updating at once never overwrite each other unseen.
     */
    @Put
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    AvailabilityView update(long id, @Body String body, Authentication authentication) {
        return service.update(authentication, id, body);
    }

    /**
     * "Nog steeds correct": confirms the current availability as it is, now, by the caller. Needs the
     * version last read, like any update; the confirmation is kept in the history.
     */
    @Post("/confirmation")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    AvailabilityView confirm(long id, @Body String body, Authentication authentication) {
        JsonFields json = JsonFields.parse(body);
        json.allowOnly(java.util.Set.of("version"));
        Long version = json.version(true);
        json.throwIfInvalid();
        return service.confirm(authentication, id, version);
    }

    @Get("/history")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<AvailabilityChange> history(long id) {
        modules.get(id);
        return history.findByModuleIdOrderById(id);
    }
}
