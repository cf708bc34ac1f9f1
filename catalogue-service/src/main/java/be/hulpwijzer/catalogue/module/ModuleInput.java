package be.hulpwijzer.catalogue.module;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What a client may set on a module, read and checked from its JSON. */
record ModuleInput(String title, String description, String type, String setting, String access,
                   int ageMinMonths, @Nullable Integer ageMaxMonths, List<String> lifeDomains, List<String> zones,
                   List<String> methods, List<String> languages, @Nullable String intensity, @Nullable String cost,
                   @Nullable String referralProcedure, @Nullable String referralPreparation,
                   @Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail,
                   String status, @Nullable Long version) {

    /** -9 months: the start of pregnancy; 1440 months: 120 years. */
    static final int MIN_AGE = -9;
    static final int MAX_AGE = 1440;

    static final Set<String> FIELDS = Set.of("id", "version", "organisationId", "title", "description", "type",
            "setting", "access", "ageMinMonths", "ageMaxMonths", "lifeDomains", "zones", "methods", "languages",
            "intensity", "cost", "referralProcedure", "referralPreparation", "contact", "status", "availability",
            "createdAt", "updatedAt");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "phone", "email");

    static ModuleInput read(JsonFields json, ReferenceData reference, Predicate<String> isMethod, boolean update) {
        json.allowOnly(FIELDS);
        String title = json.text("title", true, 200);
        String description = json.text("description", false, 5000);
        String type = json.code("type", true, reference.codes(reference.moduleTypes()));
        String setting = json.code("setting", true, HelpModule.SETTINGS);
        String access = json.code("access", true, HelpModule.ACCESS);
        Integer ageMin = age(json, "ageMinMonths", true);
        Integer ageMax = age(json, "ageMaxMonths", false);
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            json.reject("ageMinMonths", "age.minAboveMax", ageMin, ageMax);
        }
        Set<String> domains = reference.codes(reference.lifeDomains());
        List<String> lifeDomains = json.codes("lifeDomains", true, domains::contains, "field.unknownCode");
        List<String> zones = json.codes("zones", true, reference::isZone, "field.unknownZone");
        List<String> methods = json.codes("methods", false, isMethod, "field.unknownMethod");
        List<String> languages = json.codes("languages", false, code -> code.matches("[a-z]{2}"), "field.language");
        String intensity = json.text("intensity", false, 200);
        String cost = json.text("cost", false, 500);
        String referralProcedure = json.text("referralProcedure", false, 3000);
        String referralPreparation = json.text("referralPreparation", false, 3000);
        JsonFields contact = json.object("contact");
        contact.allowOnly(CONTACT_FIELDS);
        String contactName = contact.text("name", false, 200);
        String contactPhone = contact.phone("phone");
        String contactEmail = contact.email("email");
        String status = json.has("status") ? json.code("status", true, HelpModule.STATUSES) : "active";
        Long version = json.version(update);
        json.throwIfInvalid();
        return new ModuleInput(title, description == null ? "" : description, type, setting, access, ageMin, ageMax,
                lifeDomains, zones, methods, languages.isEmpty() ? List.of("nl") : languages, intensity, cost,
                referralProcedure, referralPreparation, contactName, contactPhone, contactEmail, status, version);
    }

    private static Integer age(JsonFields json, String field, boolean required) {
        Integer value = json.integer(field, required, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (value != null && (value < MIN_AGE || value > MAX_AGE)) {
            json.reject(field, "age.range", field);
            return null;
        }
        return value;
    }

    HelpModule applyTo(long organisationId, @Nullable Long id, @Nullable Long version, @Nullable java.time.Instant createdAt) {
        return new HelpModule(id, organisationId, title, description, type, setting, access, ageMinMonths, ageMaxMonths,
                lifeDomains, zones, methods, languages, intensity, cost, referralProcedure, referralPreparation,
                contactName, contactPhone, contactEmail, status, version, createdAt, null);
    }
}
