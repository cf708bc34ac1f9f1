package be.hulpwijzer.catalogue.engagement;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

record EngagementInput(String title, String description, @Nullable String targetGroup,
                       @Nullable Integer capacityPerMonth, @Nullable Integer responseTimeDays, List<String> zones,
                       LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String contactName,
                       @Nullable String contactPhone, @Nullable String contactEmail, List<Long> moduleIds,
                       @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("id", "version", "organisationId", "title", "description",
            "targetGroup", "capacityPerMonth", "responseTimeDays", "zones", "validFrom", "validTo", "contactName",
            "contactPhone", "contactEmail", "moduleIds", "createdAt", "updatedAt");

    /** @param ownModules the ids of the organisation's modules: an engagement concerns only its own */
    static EngagementInput read(JsonFields json, ReferenceData reference, boolean update, java.util.Set<Long> ownModules) {
        json.allowOnly(FIELDS);
        String title = json.text("title", true, 200);
        String description = json.text("description", false, 5000);
        String targetGroup = json.text("targetGroup", false, 500);
        Integer capacity = json.integer("capacityPerMonth", false, 0, 100_000);
        Integer responseTime = json.integer("responseTimeDays", false, 0, 3650);
        List<String> zones = json.codes("zones", true, reference::isZone, "field.unknownZone");
        LocalDate validFrom = json.date("validFrom", true);
        LocalDate validTo = json.date("validTo", false);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            json.reject("validTo", "period.endBeforeStart", validFrom, validTo);
        }
        String contactName = json.text("contactName", false, 200);
        String contactPhone = json.phone("contactPhone");
        String contactEmail = json.email("contactEmail");
        List<Long> moduleIds = json.ids("moduleIds");
        List<Long> foreign = moduleIds.stream().filter(id -> !ownModules.contains(id)).toList();
        if (!foreign.isEmpty()) {
            json.reject("moduleIds", "engagement.moduleNotOwn", foreign.get(0));
        }
        Long version = json.version(update);
        json.throwIfInvalid();
        return new EngagementInput(title, description == null ? "" : description, targetGroup, capacity,
                responseTime, zones, validFrom, validTo, contactName, contactPhone, contactEmail, moduleIds, version);
    }

    Engagement toEngagement(long organisationId, @Nullable Long id, @Nullable Long version, @Nullable Instant createdAt) {
        return new Engagement(id, organisationId, title, description, targetGroup, capacityPerMonth, responseTimeDays,
                zones, validFrom, validTo, contactName, contactPhone, contactEmail, moduleIds, version, createdAt, null);
    }
}
