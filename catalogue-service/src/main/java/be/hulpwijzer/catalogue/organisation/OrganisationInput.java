package be.hulpwijzer.catalogue.organisation;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/** What a client may set on an organisation, read and checked from its JSON. */
record OrganisationInput(String name, String sector, @Nullable String enterpriseNumber, @Nullable String website,
                         @Nullable String email, @Nullable String phone, String description, @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("id", "version", "name", "sector", "enterpriseNumber", "website",
            "email", "phone", "description", "demo", "createdAt", "updatedAt");

    static OrganisationInput read(JsonFields json, ReferenceData reference, boolean update) {
        json.allowOnly(FIELDS);
        String name = json.text("name", true, 200);
        String sector = json.code("sector", true, reference.codes(reference.sectors()));
        String typedNumber = json.text("enterpriseNumber", false, 20);
        String enterpriseNumber = null;
        if (typedNumber != null) {
            enterpriseNumber = EnterpriseNumber.normalise(typedNumber).orElse(null);
            if (enterpriseNumber == null) {
                json.reject("enterpriseNumber", "kbo.invalid", typedNumber);
            }
        }
        String website = json.url("website");
        String email = json.email("email");
        String phone = json.phone("phone");
        String description = json.text("description", false, 5000);
        Long version = json.version(update);
        json.throwIfInvalid();
        return new OrganisationInput(name, sector, enterpriseNumber, website, email, phone,
                description == null ? "" : description, version);
    }
}
