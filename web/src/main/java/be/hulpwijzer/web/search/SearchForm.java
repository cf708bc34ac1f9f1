package be.hulpwijzer.web.search;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import be.hulpwijzer.web.page.Texts;
import io.micronaut.core.convert.value.MutableConvertibleMultiValuesMap;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the search form into the search API's parameters. The page adds two conveniences: age may be
 * "zwangerschap", and one place field takes a postcode, a municipality or a zone by name.
 */
final class SearchForm {

    /** Parameters passed on to the search as they are. */
    private static final List<String> PASSED = List.of("q", "zone", "domain", "type", "access", "setting", "sector",
            "method", "language", "availableNow", "maxWaitWeeks", "includeUnknown", "sort", "page", "size");

    private final ReferenceData reference;

    SearchForm(ReferenceData reference) {
        this.reference = reference;
    }

    /** The form's own fields, by the parameter the search API names in its messages. */
    private static final Map<String, String> LABELS = Map.of("age", "ageLabel", "ageMonths", "ageLabel",
            "ageTo", "ageLabel", "maxWaitWeeks", "maxWaitLabel");
    /** "12-18" or "12 tot 18" (jaar): until the 18th birthday, as a module's "12 tot 18 jaar" means. */
    private static final Pattern AGE_RANGE = Pattern.compile("(\\d{1,3})\\s*(?:-|tot)\\s*(\\d{1,3})");
    /** "18+" or "vanaf 18": from that age on. */
    private static final Pattern AGE_ONWARDS = Pattern.compile("(?:(\\d{1,3})\\s*\\+|vanaf\\s*(\\d{1,3}))");
    private static final String OLDEST_YEARS = "120";

    /**
     * The search API's message as the page says it: a field typed on the form by its label, not by the
     * parameter's name ("Leeftijd (jaar) moet tussen 0 en 120 liggen", not "'age' moet ...").
     */
    static String message(FieldError error) {
        String label = LABELS.get(error.field());
        return label == null ? error.message() : error.message().replace("'" + error.field() + "'", Texts.get(label));
    }

    MutableConvertibleMultiValuesMap<String> parameters(QueryString form) {
        MutableConvertibleMultiValuesMap<String> parameters = new MutableConvertibleMultiValuesMap<>();
        for (String name : PASSED) {
            form.all(name).forEach(value -> parameters.add(name, value));
        }
        List<FieldError> errors = new ArrayList<>();
        String age = form.first("age").strip().toLowerCase(Locale.ROOT);
        if (!age.isEmpty()) {
            Matcher range = AGE_RANGE.matcher(age.replaceAll("\\s*jaar$", ""));
            Matcher onwards = AGE_ONWARDS.matcher(age.replaceAll("\\s*jaar", ""));
            if (age.startsWith("zwanger")) {
                parameters.add("ageMonths", "-3");
            } else if (onwards.matches()) {
                parameters.add("age", onwards.group(1) != null ? onwards.group(1) : onwards.group(2));
                parameters.add("ageTo", OLDEST_YEARS);
            } else if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                parameters.add("age", String.valueOf(from));
                parameters.add("ageTo", String.valueOf(to > from ? to - 1 : to));
            } else {
                parameters.add("age", age.replaceAll("\\s*jaar$", ""));
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
