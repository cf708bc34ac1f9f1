package be.hulpwijzer.catalogue.method;

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
import java.util.List;

/** A methodiek (Signs of Safety, Nieuwe Autoriteit, ...): modules refer to it by its stable code. */
@MappedEntity("method")
public record Method(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String name,
        String description,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> synonyms,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {
}
