package be.hulpwijzer.catalogue.location;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;
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
        @MappedProperty("opening_hours") @TypeDef(type = DataType.STRING_ARRAY) @JsonIgnore List<String> hours,
        @Nullable String hoursNote,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    /** The weekly opening hours, Monday first (HSDS {@code schedules}). */
    @JsonProperty("openingHours")
    public List<OpeningHours> openingHours() {
        return OpeningHours.fromStored(hours == null ? List.of() : hours);
    }

    /** The opening hours as Dutch lines, one period a line, as a form shows them and reads them back. */
    @JsonProperty("openingHoursText")
    public String openingHoursText() {
        return String.join("\n", openingHours().stream().map(OpeningHours::line).toList());
    }
}
