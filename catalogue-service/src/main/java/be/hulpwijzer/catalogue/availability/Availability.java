package be.hulpwijzer.catalogue.availability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The current availability of one module. Every write is copied to {@code availability_history} by a
 * database trigger, so the history is complete whoever writes.
 */
@MappedEntity("availability")
public record Availability(
        @Id long moduleId,
        String state,
        @Nullable Integer freePlaces,
        @Nullable Integer waiting,
        @Nullable Integer expectedWaitDays,
        @Nullable Integer expectedFirstContactDays,
        boolean waitUnknown,
        @Nullable String note,
        Instant confirmedAt,
        @Nullable String confirmedBy,
        @Version @Nullable Long version) {

    public static final List<String> STATES = List.of("free", "waiting", "closed", "unknown");

    /** Old data is worse than no data: after this long without confirmation it is shown as stale. */
    public static final Duration STALE_AFTER = Duration.ofDays(30);

    /** Confirming means "this is still so": an unknown state has nothing to confirm. */
    public boolean confirmable() {
        return !"unknown".equals(state);
    }

    /** The same availability, confirmed at this moment by this actor. */
    Availability confirmedBy(String actor, Instant at, long expectedVersion) {
        return new Availability(moduleId, state, freePlaces, waiting, expectedWaitDays, expectedFirstContactDays, waitUnknown,
                note, at, actor, expectedVersion);
    }

    public boolean isStale(Instant now) {
        return confirmedAt.plus(STALE_AFTER).isBefore(now);
    }
}
