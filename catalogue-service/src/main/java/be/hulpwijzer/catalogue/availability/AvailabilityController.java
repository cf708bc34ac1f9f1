package be.hulpwijzer.catalogue.availability;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import be.hulpwijzer.catalogue.security.Roles;
import io.micronaut.data.exceptions.DataAccessException;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Controller("/api/v1/modules/{id}/availability")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.ALL})
class AvailabilityController {

    private final ModuleRepository modules;
    private final AvailabilityRepository availabilities;
    private final AvailabilityHistoryRepository history;
    private final Clock clock;

    AvailabilityController(ModuleRepository modules, AvailabilityRepository availabilities,
                           AvailabilityHistoryRepository history, Clock clock) {
        this.modules = modules;
        this.availabilities = availabilities;
        this.history = history;
        this.clock = clock;
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
        Instant now = clock.instant();
        AvailabilityInput input = AvailabilityInput.read(JsonFields.parse(body), now);
        modules.get(id);
        Optional<Availability> current = availabilities.findById(id);
        Availability saved;
        if (current.isEmpty()) {
            try {
                saved = availabilities.save(input.toAvailability(id, authentication.getName(), null));
            } catch (DataAccessException e) {
                throw ConflictException.staleVersion(); // someone else set it first, just now
            }
        } else if (input.version() == null) {
            throw new InvalidRequestException(List.of(new FieldError("version", "version.required",
                    Messages.get("version.required"))));
        } else {
            saved = availabilities.update(input.toAvailability(id, authentication.getName(), input.version()));
        }
        return AvailabilityView.of(saved, now);
    }

    /**
     * "Nog steeds correct": confirms the current availability as it is, now, by the caller. Needs the
     * version last read, like any update; the confirmation is kept in the history.
     */
    @Post("/confirmation")
    @be.hulpwijzer.catalogue.security.Audited
    @Secured({Roles.ADMIN, Roles.EDITOR, Roles.ORGANISATION_TOKEN})
    AvailabilityView confirm(long id, @Body String body, Authentication authentication) {
        Instant now = clock.instant();
        JsonFields json = JsonFields.parse(body);
        json.allowOnly(java.util.Set.of("version"));
        Long version = json.version(true);
        json.throwIfInvalid();
        modules.get(id);
        Availability current = availabilities.findById(id)
                .orElseThrow(() -> new be.hulpwijzer.catalogue.api.NotFoundException(Messages.get("what.availability"), id));
        Availability confirmed = new Availability(id, current.state(), current.freePlaces(), current.waiting(),
                current.expectedWaitDays(), current.expectedFirstContactDays(), current.note(), now,
                authentication.getName(), version);
        return AvailabilityView.of(availabilities.update(confirmed), now);
    }

    @Get("/history")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<AvailabilityChange> history(long id) {
        modules.get(id);
        return history.findByModuleIdOrderById(id);
    }
}
