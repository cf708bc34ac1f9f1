package be.hulpwijzer.catalogue.module;

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

/**
 * One unit of help an organisation offers (table {@code module}; not named Module in Java, which would
 * shadow {@link java.lang.Module}). Ages are in months: -9 is the start of pregnancy; a null upper
 * bound means the module also serves adults without limit (GBO partners).
 */
@MappedEntity("module")
public record HelpModule(
        @Id @GeneratedValue @Nullable Long id,
        long organisationId,
        String title,
        String description,
        String type,
        String setting,
        String access,
        int ageMinMonths,
        @Nullable Integer ageMaxMonths,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> lifeDomains,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> zones,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> methods,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> languages,
        @Nullable String intensity,
        @Nullable String cost,
        @Nullable String referralProcedure,
        @Nullable String referralPreparation,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        String status,
        @Version @Nullable Long version,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    public static final List<String> SETTINGS = List.of("mobiel", "ambulant", "residentieel");
    public static final List<String> ACCESS = List.of("rtj", "nrtj", "crisis", "vrij");
    public static final List<String> STATUSES = List.of("active", "paused", "ended");

    /** Whether someone of this age (in months; negative during pregnancy) falls within the module's range. */
    public boolean acceptsAge(int months) {
        return months >= ageMinMonths && (ageMaxMonths == null || months <= ageMaxMonths);
    }

    static HelpModule create(long organisationId, ModuleInput in) {
        return in.applyTo(organisationId, null, null, null);
    }

    HelpModule changedTo(ModuleInput in, long expectedVersion) {
        return in.applyTo(organisationId, id, expectedVersion, createdAt);
    }
}
