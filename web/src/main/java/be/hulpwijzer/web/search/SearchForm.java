package be.hulpwijzer.web.search;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.indexer.search.AgeText;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the search form into the search API's parameters. The page adds two conveniences: age may be
 * "zwangerschap" or anything the search box reads as ages ("12-18", "18+", see {@link AgeText}), and one place
 * field takes a postcode, a municipality or a zone by name.
 */
final class SearchForm {

    /** Parameters passed on to the search as they are. */
    private static final List<String> PASSED = List.of("q", "zone", "domain", "type", "access", "setting", "sector",
            "method", "language", "availableNow", "maxWaitWeeks", "includeUnknown", "sort", "page", "size", "readAge",
            "readPlace", "readRoomNow");

    private final ReferenceData reference;

    SearchForm(ReferenceData reference) {
        this.reference = reference;
    }

    /** The form's own fields, by the parameter the search API names in its messages. */
    private static final Map<String, String> LABELS = Map.of("age", "ageLabel", "ageMonths", "ageLabel",
            "ageToMonths", "ageLabel", "maxWaitWeeks", "maxWaitLabel");

    /**
     * The search API's message as the page says it: a field typed on the form by its label, not by the
     * parameter's name ("Leeftijd (jaar) moet tussen 0 en 120 liggen", not "'age' moet ...").
     */
    static String message(FieldError error) {
        return be.hulpwijzer.web.page.FieldMessages.say(error, field -> LABELS.containsKey(field) ? Texts.get(LABELS.get(field)) : null);
    }

    MutableConvertibleMultiValuesMap<String> parameters(QueryString form) {
        MutableConvertibleMultiValuesMap<String> parameters = new MutableConvertibleMultiValuesMap<>();
        for (String name : PASSED) {
            form.all(name).forEach(value -> parameters.add(name, value));
        }
        List<FieldError> errors = new ArrayList<>();
        String age = form.first("age").strip().toLowerCase(Locale.ROOT);
        if (!age.isEmpty()) {
            Optional<AgeText.Ages> ages = AgeText.field(age);
            if (age.startsWith("zwanger")) {
                parameters.add("ageMonths", "-3");
            } else if (ages.isPresent()) {
                parameters.add("ageMonths", String.valueOf(ages.get().fromMonths()));
                if (ages.get().toMonths() != null) {
                    parameters.add("ageToMonths", String.valueOf(ages.get().toMonths()));
                }
            } else {
                parameters.add("age", age.replaceAll("\\s*jaar$", "")); // refused by the search, naming the field
            }
        }
        String place = form.first("place").strip();
        if (!place.isEmpty()) {
            place(place, parameters, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return parameters;
    }

    private void place(String place, MutableConvertibleMultiValuesMap<String> parameters, List<FieldError> errors) {
        if (place.matches("\\d{4}")) {
            parameters.add("postcode", place);
            return;
        }
        String folded = fold(place);
        // a municipality first: it is a place to measure distances from (Brugge the town, not only its zone)
        for (Municipality municipality : reference.municipalities()) {
            if (fold(municipality.name()).equals(folded)) {
                parameters.add("municipality", municipality.nisCode());
                return;
            }
        }
        for (Zone zone : reference.zones()) {
            if (fold(zone.name()).equals(folded) || zone.code().equals(folded)) {
                parameters.add("zone", zone.code());
                return;
            }
        }
        errors.add(new FieldError("place", "unknownPlace", Texts.get("unknownPlace", place)));
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
