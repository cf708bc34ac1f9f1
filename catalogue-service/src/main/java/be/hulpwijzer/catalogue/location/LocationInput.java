package be.hulpwijzer.catalogue.location;

import be.hulpwijzer.catalogue.api.JsonFields;
import be.hulpwijzer.catalogue.reference.PostcodePlace;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A location as a client sends it: the municipality follows from the postcode unless that is ambiguous. */
record LocationInput(String name, @Nullable String street, String postcode, String nisCode,
                     @Nullable Double latitude, @Nullable Double longitude, boolean confidential,
                     @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("id", "version", "organisationId", "name", "street", "postcode",
            "municipality", "nisCode", "latitude", "longitude", "confidential", "createdAt", "updatedAt");

    static LocationInput read(JsonFields json, ReferenceData reference, boolean update) {
        json.allowOnly(FIELDS);
        String name = json.text("name", true, 200);
        String street = json.text("street", false, 200);
        String postcode = json.text("postcode", true, 10);
        String municipality = json.has("municipality") ? json.text("municipality", false, 5)
                : json.text("nisCode", false, 5);
        String nisCode = null;
        if (postcode != null) {
            List<PostcodePlace> places = postcode.matches("[0-9]{4}") ? reference.postcode(postcode) : List.of();
            Set<String> candidates = places.stream().map(PostcodePlace::nisCode).collect(Collectors.toSet());
            if (places.isEmpty()) {
                json.reject("postcode", "postcode.unknown", postcode);
            } else if (municipality != null) {
                if (!reference.municipalitiesByNis().containsKey(municipality)) {
                    json.reject("municipality", "municipality.unknown", municipality);
                } else if (!candidates.contains(municipality)) {
                    json.reject("municipality", "municipality.notAtPostcode", municipality, postcode);
                } else {
                    nisCode = municipality;
                }
            } else if (candidates.size() > 1) {
                json.reject("municipality", "postcode.ambiguous", postcode, places.stream()
                        .map(p -> p.municipality() + " (" + p.nisCode() + ")").distinct().collect(Collectors.joining(", ")));
            } else {
                nisCode = candidates.iterator().next();
            }
        }
        // Belgium lies within these bounds; anything outside is a typo or swapped coordinates
        Double latitude = json.decimal("latitude", 49.4, 51.6);
        Double longitude = json.decimal("longitude", 2.5, 6.5);
        if ((json.has("latitude")) != (json.has("longitude"))) {
            json.reject("latitude", "coordinates.pair");
        }
        boolean confidential = json.bool("confidential", false);
        Long version = json.version(update);
        json.throwIfInvalid();
        return new LocationInput(name, street, postcode, nisCode, latitude, longitude, confidential, version);
    }

    Location toLocation(long organisationId, @Nullable Long id, @Nullable Long version, @Nullable Instant createdAt) {
        return new Location(id, organisationId, name, street, postcode, nisCode, latitude, longitude, confidential,
                version, createdAt, null);
    }
}
