package be.hulpwijzer.catalogue.availability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One past state of a module's availability, as it was written; never changed afterwards. */
@MappedEntity("availability_history")
public record AvailabilityChange(
        @Id @GeneratedValue @Nullable Long id,
        long moduleId,
        String state,
        @Nullable Integer freePlaces,
        @Nullable Integer waiting,
        @Nullable Integer expectedWaitDays,
        @Nullable Integer expectedFirstContactDays,
        @Nullable String note,
        Instant confirmedAt,
        @Nullable String confirmedBy,
        Instant recordedAt) {
}
