package be.hulpwijzer.catalogue.organisation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A provider of help (CAW, CGG, CKG, ...). Its modules, locations and engagements refer to it. */
@MappedEntity("organisation")
public record Organisation(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String sector,
        @Nullable String enterpriseNumber,
        @Nullable String website,
        @Nullable String email,
        @Nullable String phone,
        String description,
        boolean demo,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    static Organisation create(OrganisationInput input) {
        return new Organisation(null, input.name(), input.sector(), input.enterpriseNumber(), input.website(),
                input.email(), input.phone(), input.description(), false, null, null, null);
    }

    Organisation changedTo(OrganisationInput input, long expectedVersion) {
        return new Organisation(id, input.name(), input.sector(), input.enterpriseNumber(), input.website(),
                input.email(), input.phone(), input.description(), demo, expectedVersion, createdAt, updatedAt);
    }
}
