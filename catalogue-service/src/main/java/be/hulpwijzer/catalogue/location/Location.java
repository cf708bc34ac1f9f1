package be.hulpwijzer.catalogue.location;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A place where an organisation works (an antennepunt). A confidential location (a shelter) keeps its
 * address in the catalogue for the organisation, but public pages show only its municipality.
 */
@MappedEntity("location")
public record Location(
        @Id @GeneratedValue @Nullable Long id,
        long organisationId,
        String name,
        @Nullable String street,
        String postcode,
        String nisCode,
        @Nullable Double latitude,
        @Nullable Double longitude,
        boolean confidential,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {
}
