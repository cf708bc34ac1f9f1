package be.hulpwijzer.catalogue.availability;

import be.hulpwijzer.catalogue.api.JsonFields;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A new availability for a module, read and checked from its JSON. */
record AvailabilityInput(String state, @Nullable Integer freePlaces, @Nullable Integer waiting,
                         @Nullable Integer expectedWaitDays, @Nullable Integer expectedFirstContactDays,
                         boolean waitUnknown, @Nullable String note, Instant confirmedAt, @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("moduleId", "version", "state", "freePlaces", "waiting",
            "expectedWaitDays", "expectedFirstContactDays", "waitUnknown", "note", "confirmedAt", "confirmedBy", "stale");
    /** Clocks of integrating systems drift a little; more than this ahead is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static AvailabilityInput read(JsonFields json, Instant now) {
        json.allowOnly(FIELDS);
        String state = json.code("state", true, Availability.STATES);
        Integer freePlaces = json.integer("freePlaces", false, 0, 10_000);
        Integer waiting = json.integer("waiting", false, 0, 100_000);
        Integer expectedWaitDays = json.integer("expectedWaitDays", false, 0, 3650);
        Integer firstContactDays = json.integer("expectedFirstContactDays", false, 0, 3650);
        boolean waitUnknown = json.bool("waitUnknown", false);
        String note = json.text("note", false, 1000);
        Instant confirmedAt = json.instant("confirmedAt");
        if (confirmedAt != null && confirmedAt.isAfter(now.plus(CLOCK_SKEW))) {
            json.reject("confirmedAt", "field.inFuture", "confirmedAt");
        }
        if ("free".equals(state) && (freePlaces == null || freePlaces == 0) && !json.hasErrors()) {
            json.reject("freePlaces", "availability.freeNeedsPlaces");
        }
        if (state != null && !"free".equals(state) && freePlaces != null && freePlaces > 0) {
            json.reject("freePlaces", "availability.placesOnlyWhenFree", state);
        }
        if ("waiting".equals(state) && waiting == null && expectedWaitDays == null && !waitUnknown && !json.hasErrors()) {
            json.reject("expectedWaitDays", "availability.waitNeedsEstimate");
        }
        Long version = json.version(false);
        json.throwIfInvalid();
        return new AvailabilityInput(state, freePlaces, waiting, expectedWaitDays, firstContactDays,
                "waiting".equals(state) && waitUnknown, note,
                confirmedAt == null ? now : confirmedAt, version);
    }

    Availability toAvailability(long moduleId, String confirmedBy, @Nullable Long expectedVersion) {
        return new Availability(moduleId, state, freePlaces, waiting, expectedWaitDays, expectedFirstContactDays, waitUnknown,
                note, confirmedAt, confirmedBy, expectedVersion);
    }
}
