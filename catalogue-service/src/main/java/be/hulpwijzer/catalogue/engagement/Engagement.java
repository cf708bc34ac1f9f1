package be.hulpwijzer.catalogue.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment of an organisation to the network, e.g. "two consults a month for 1G1P families, start
 * within five working days", valid for a period and for some zones.
 */
@MappedEntity("engagement")
public record Engagement(
        @Id @GeneratedValue @Nullable Long id,
        long organisationId,
        String title,
        String description,
        @Nullable String targetGroup,
        @Nullable Integer capacityPerMonth,
        @Nullable Integer responseTimeDays,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> zones,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        @TypeDef(type = DataType.LONG_ARRAY) List<Long> moduleIds,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
