package be.hulpwijzer.catalogue.availability;

import be.hulpwijzer.catalogue.api.ConflictException;
import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.api.NotFoundException;
import be.hulpwijzer.catalogue.module.ModuleRepository;
import io.micronaut.data.exceptions.DataAccessException;
import be.hulpwijzer.catalogue.security.Ownership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Setting and confirming a module's availability, for the API and the pages alike; asks {@link Ownership} first. */
@Singleton
public class AvailabilityService {

    private final ModuleRepository modules;
    private final AvailabilityRepository availabilities;
    private final Clock clock;
    private final Ownership ownership;

    AvailabilityService(ModuleRepository modules, AvailabilityRepository availabilities, Clock clock, Ownership ownership) {
        this.ownership = ownership;
        this.modules = modules;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    /**
     * Sets the availability from a JSON body. The first time no version is needed; after that the
     * version last read must be sent, so that two people updating at once never overwrite each other unseen.
     */
    public AvailabilityView update(@Nullable Authentication caller, long id, String body) {
        ownership.requireMayChange(caller, Ownership.Entry.MODULE, id);
        String actor = caller.getName();
        Instant now = clock.instant();
        AvailabilityInput input = AvailabilityInput.read(JsonFields.parse(body), now);
        modules.get(id);
        Optional<Availability> current = availabilities.findById(id);
        Availability saved;
        if (current.isEmpty()) {
            try {
                saved = availabilities.save(input.toAvailability(id, actor, null));
            } catch (DataAccessException e) {
                throw ConflictException.staleVersion(); // someone else set it first, just now
            }
        } else if (input.version() == null) {
            throw new InvalidRequestException(List.of(new FieldError("version", "version.required",
                    Messages.get("version.required"))));
        } else {
            saved = availabilities.update(input.toAvailability(id, actor, input.version()));
        }
        return AvailabilityView.of(saved, now);
    }

    /** "Nog steeds correct": the current availability, confirmed now by this actor. */
    public AvailabilityView confirm(@Nullable Authentication caller, long id, long version) {
        ownership.requireMayChange(caller, Ownership.Entry.MODULE, id);
        String actor = caller.getName();
        Instant now = clock.instant();
        modules.get(id);
        Availability current = availabilities.findById(id)
                .orElseThrow(() -> new NotFoundException(Messages.get("what.availability"), id));
        if (!current.confirmable()) {
            throw new ConflictException(Messages.get("availability.confirmUnknown"));
        }
        return AvailabilityView.of(availabilities.update(current.confirmedBy(actor, now, version)), now);
    }

    public Optional<AvailabilityView> current(long id) {
        return availabilities.findById(id).map(a -> AvailabilityView.of(a, clock.instant()));
    }

    /** The current availability of several modules, by module id, in one query (for pages listing modules). */
    public java.util.Map<Long, AvailabilityView> current(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.time.Instant now = clock.instant();
        return availabilities.findByModuleIdIn(ids).stream()
                .collect(java.util.stream.Collectors.toMap(Availability::moduleId, a -> AvailabilityView.of(a, now)));
    }
}
