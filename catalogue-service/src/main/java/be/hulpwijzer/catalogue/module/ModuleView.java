package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.availability.Availability;
import be.hulpwijzer.catalogue.availability.AvailabilityView;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** A module as the API shows it: the contact grouped, and its current availability included. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModuleView(long id, long version, long organisationId, String title, String description, String type,
                         String setting, String access, int ageMinMonths, @Nullable Integer ageMaxMonths,
                         List<String> lifeDomains, List<String> zones, List<String> methods, List<String> languages,
                         @Nullable String intensity, @Nullable String cost, @Nullable String referralProcedure,
                         @Nullable String referralPreparation, Contact contact, String status,
                         @Nullable AvailabilityView availability, Instant createdAt, Instant updatedAt) {

    public record Contact(@Nullable String name, @Nullable String phone, @Nullable String email) {
    }

    public static ModuleView of(HelpModule m, @Nullable Availability availability, Instant now) {
        return new ModuleView(m.id(), m.version(), m.organisationId(), m.title(), m.description(), m.type(),
                m.setting(), m.access(), m.ageMinMonths(), m.ageMaxMonths(), m.lifeDomains(), m.zones(), m.methods(),
                m.languages(), m.intensity(), m.cost(), m.referralProcedure(), m.referralPreparation(),
                new Contact(m.contactName(), m.contactPhone(), m.contactEmail()), m.status(),
                availability == null ? null : AvailabilityView.of(availability, now),
                m.createdAt(), m.updatedAt());
    }
}
