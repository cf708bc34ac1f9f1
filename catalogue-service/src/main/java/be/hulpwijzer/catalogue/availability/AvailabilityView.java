package be.hulpwijzer.catalogue.availability;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Availability as the API shows it, with whether it is stale. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AvailabilityView(long moduleId, long version, String state, @Nullable Integer freePlaces,
                               @Nullable Integer waiting, @Nullable Integer expectedWaitDays,
                               @Nullable Integer expectedFirstContactDays, boolean waitUnknown, @Nullable String note,
                               Instant confirmedAt, @Nullable String confirmedBy, boolean stale) {

    public static AvailabilityView of(Availability a, Instant now) {
        return new AvailabilityView(a.moduleId(), a.version(), a.state(), a.freePlaces(), a.waiting(),
                a.expectedWaitDays(), a.expectedFirstContactDays(), a.waitUnknown(), a.note(), a.confirmedAt(), a.confirmedBy(),
                a.isStale(now));
    }
}
