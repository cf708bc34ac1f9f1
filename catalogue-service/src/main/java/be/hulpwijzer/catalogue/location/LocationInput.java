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
                     List<String> hours, @Nullable String hoursNote, @Nullable Long version) {

    static final Set<String> FIELDS = Set.of("id", "version", "organisationId", "name", "street", "postcode",
            "municipality", "nisCode", "latitude", "longitude", "confidential", "openingHours", "openingHoursText", "hoursNote",
            "createdAt", "updatedAt");

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
        List<OpeningHours> periods = json.peek("openingHours").isArray() ? structured(json) : typed(json);
        String hoursNote = json.text("hoursNote", false, 500);
        Long version = json.version(update);
        json.throwIfInvalid();
        return new LocationInput(name, street, postcode, nisCode, latitude, longitude, confidential,
                periods.stream().map(OpeningHours::stored).toList(), hoursNote, version);
    }

    /** Opening hours as HSDS-like objects: {@code {"day": 1 or "maandag", "opens": "09:00", "closes": "12:00", "note": ...}}. */
    private static List<OpeningHours> structured(JsonFields json) {
        List<OpeningHours> periods = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode array = json.peek("openingHours");
        for (int i = 0; i < array.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode item = array.get(i);
            java.util.Optional<Integer> day = OpeningHours.dayOf(item.path("day").asText(""));
            java.time.LocalTime opens = OpeningHours.time(item.path("opens").asText(null));
            java.time.LocalTime closes = OpeningHours.time(item.path("closes").asText(null));
            String note = item.path("note").isTextual() && !item.path("note").asText().isBlank() ? item.path("note").asText().strip() : null;
            if (day.isEmpty() || opens == null || closes == null || !closes.isAfter(opens) || note != null && note.length() > 200) {
                json.reject("openingHours[" + i + "]", "hours.period", i + 1);
                continue;
            }
            periods.add(new OpeningHours(day.get(), opens, closes, note));
        }
        return periods;
    }

    /** Opening hours as Dutch lines ("maandag t/m vrijdag 9:00-12:00 en 13:00-17:00"). */
    private static List<OpeningHours> typed(JsonFields json) {
        String text = json.text("openingHoursText", false, 2000);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        java.util.Optional<List<OpeningHours>> periods = OpeningHours.parse(text);
        if (periods.isEmpty()) {
            json.reject("openingHoursText", "hours.text", "openingHoursText");
            return List.of();
        }
        return periods.get();
    }

    Location toLocation(long organisationId, @Nullable Long id, @Nullable Long version, @Nullable Instant createdAt) {
        return new Location(id, organisationId, name, street, postcode, nisCode, latitude, longitude, confidential,
                hours, hoursNote, version, createdAt, null);
    }
}
