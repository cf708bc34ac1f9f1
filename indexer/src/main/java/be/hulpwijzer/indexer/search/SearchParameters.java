package be.hulpwijzer.indexer.search;

import be.hulpwijzer.catalogue.api.FieldError;
import be.hulpwijzer.catalogue.api.InvalidRequestException;
import be.hulpwijzer.catalogue.api.Messages;
import be.hulpwijzer.catalogue.module.HelpModule;
import be.hulpwijzer.catalogue.reference.Municipality;
import be.hulpwijzer.catalogue.reference.PostcodePlace;
import be.hulpwijzer.catalogue.reference.PostcodePoint;
import be.hulpwijzer.catalogue.reference.ReferenceData;
import be.hulpwijzer.catalogue.reference.Zone;
import io.micronaut.core.convert.value.ConvertibleMultiValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a search from query parameters: every wrong value is named (400), nothing is guessed. Free text
 * is never rejected; it is cleaned of control characters and read for an age and a place.
 */
public final class SearchParameters {

    /** The words of a longer text are not searched: no real question needs more. */
    static final int MAX_WORDS = 32;
    /**
     * A longer "word" is no word anyone types (the longest compounds of the field have about 35 letters): it
     * is not searched, so that one request cannot make spelling or compound splitting work on 10,000 letters.
     */
    public static final int MAX_WORD_LENGTH = 48;
    /**
     * A domain name in a word: with {@link #isAddress} an e-mail address, a web address or a domain is never a
     * search word, and possibly a person's name. Only ever searched for with {@code find} from the dot, so the
     * work stays linear in the length of the text (a pattern such as {@code \\S*@\\S*} backtracks over every
     * start and costs a second on one 10,000-letter word).
     */
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
            "(?i)\\.(be|com|net|org|eu|nl|fr|info|io)\\b");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'+-]+");
    /** The documented limit of the search text, in characters. */
    public static final int MAX_TEXT = 10_000;

    private final ReferenceData reference;
    private final Predicate<String> isMethod;
    private final TextUnderstanding understanding;
    /** Folded municipality names to their NIS code, to measure distances from a place named in the text. */
    private final Map<String, String> nisByName = new HashMap<>();

    /**
     * @param isWord whether a folded word is a common Dutch word: such names of parts of municipalities ("Meer",
     *               "Doel", "Werken") are not read as places
     */
    public SearchParameters(ReferenceData reference, Predicate<String> isMethod, Predicate<String> isWord) {
        this.reference = reference;
        this.isMethod = isMethod;
        Map<String, Set<String>> byName = new HashMap<>();
        for (Municipality m : reference.municipalities()) {
            nisByName.put(TextUnderstanding.fold(m.name()), m.nisCode());
            byName.computeIfAbsent(TextUnderstanding.fold(m.name()), k -> new LinkedHashSet<>()).addAll(m.zones());
        }
        // the names people use for parts of municipalities and for merged ones: Sint-Andries is Brugge
        for (Map.Entry<String, String> place : reference.placeZones()) {
            String name = TextUnderstanding.fold(place.getKey());
            if (!nisByName.containsKey(name) && !isWord.test(name)) {
                byName.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(place.getValue());
            }
        }
        Set<String> municipalityNames = Set.copyOf(byName.keySet());
        for (Zone zone : reference.zones()) {
            byName.computeIfAbsent(TextUnderstanding.fold(zone.name()), k -> new LinkedHashSet<>()).add(zone.code());
            // a province stands for all its zones, but "Antwerpen" is the city: the province is "provincie Antwerpen"
            String province = TextUnderstanding.fold(zone.province());
            if (!municipalityNames.contains(province)) {
                byName.computeIfAbsent(province, k -> new LinkedHashSet<>()).add(zone.code());
            }
            byName.computeIfAbsent("provincie " + province, k -> new LinkedHashSet<>()).add(zone.code());
        }
        this.understanding = new TextUnderstanding(byName, new PostcodeZones(reference));
    }

    /** A request and what was understood from its text. */
    public record Parsed(SearchRequest request, SearchResult.Understood understood) {
    }

    public Parsed parse(ConvertibleMultiValues<String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        Integer age = range(parameters, "age", 0, 120, errors);
        Integer ageMonths = range(parameters, "ageMonths", -9, 1440, errors);
        if (age != null && ageMonths != null) {
            errors.add(error("age", "search.ageBoth"));
        }
        Integer months = ageMonths != null ? ageMonths : age != null ? Integer.valueOf(age * 12) : null;
        Integer toMonths = upperAge(parameters, months, errors);

        Set<String> zones = codes(parameters, "zone", reference::isZone, "field.unknownZone", errors);
        PostcodePoint origin = null;
        String postcode = parameters.get("postcode");
        if (postcode != null && !postcode.isBlank()) {
            List<PostcodePlace> places = postcode.strip().matches("\\d{4}") ? reference.postcode(postcode.strip()) : List.of();
            if (places.isEmpty()) {
                errors.add(error("postcode", "postcode.unknown", postcode));
            }
            places.forEach(p -> zones.add(p.zoneCode()));
            origin = reference.postcodePoints().get(postcode.strip());
        }
        String municipality = parameters.get("municipality");
        if (municipality != null && !municipality.isBlank()) {
            Municipality found = reference.municipalitiesByNis().get(municipality.strip());
            if (found == null) {
                errors.add(error("municipality", "search.unknownMunicipality", municipality));
            } else {
                zones.addAll(found.zones());
                origin = origin != null ? origin : reference.municipalityPoint(found.nisCode());
            }
        }
        Set<String> domains = codes(parameters, "domain", reference.codes(reference.lifeDomains())::contains,
                "field.unknownCode", errors);
        Set<String> types = codes(parameters, "type", reference.codes(reference.moduleTypes())::contains,
                "field.unknownCode", errors);
        Set<String> access = codes(parameters, "access", HelpModule.ACCESS::contains, "field.unknownCode", errors);
        Set<String> settings = codes(parameters, "setting", HelpModule.SETTINGS::contains, "field.unknownCode", errors);
        Set<String> sectors = codes(parameters, "sector", reference.codes(reference.sectors())::contains,
                "field.unknownCode", errors);
        Set<String> methods = codes(parameters, "method", isMethod, "field.unknownMethod", errors);
        Set<String> languages = codes(parameters, "language", l -> l.matches("[a-z]{2}"), "field.language", errors);
        boolean availableNowChosen = bool(parameters, "availableNow", errors);
        boolean includeUnknown = bool(parameters, "includeUnknown", errors);
        // a reading of the text can be undone: "baby" searched as a word, not as an age
        boolean readAge = unlessFalse(parameters, "readAge", errors);
        boolean readPlace = unlessFalse(parameters, "readPlace", errors);
        boolean readRoomNow = unlessFalse(parameters, "readRoomNow", errors);
        Integer maxWaitWeeks = range(parameters, "maxWaitWeeks", 0, 520, errors);
        SearchRequest.Sort sort = sort(parameters, errors);
        Integer page = range(parameters, "page", 1, Integer.MAX_VALUE, errors);
        Integer size = range(parameters, "size", 1, SearchRequest.MAX_SIZE, errors);
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? 20 : size;
        String q = parameters.get("q");
        if (q != null && q.length() > MAX_TEXT) {
            errors.add(error("q", "search.textTooLong", MAX_TEXT));
        }
        if ((long) pageNumber * pageSize > SearchRequest.MAX_RESULTS) {
            errors.add(error("page", "search.tooDeep", SearchRequest.MAX_RESULTS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }

        String typed = clean(parameters.get("q"));
        TextUnderstanding.Reading reading = understanding.read(typed, readAge && months == null, readPlace && zones.isEmpty(),
                readRoomNow);
        boolean availableNow = availableNowChosen || reading.availableNowFrom() != null;
        if (months == null) {
            months = reading.ageMonths();
            toMonths = reading.ageToMonths();
        }
        zones.addAll(reading.zones());
        if (origin == null && reading.zonesFrom() != null) {
            origin = reading.zonesFrom().matches("\\d{4}") ? reference.postcodePoints().get(reading.zonesFrom())
                    : reference.municipalityPoint(nisByName.get(TextUnderstanding.fold(reading.zonesFrom())));
        }
        if (sort == SearchRequest.Sort.DISTANCE && origin == null) {
            throw new InvalidRequestException(List.of(error("sort", "search.distanceWithoutPlace")));
        }
        SearchRequest request = new SearchRequest(reading.text(), months, toMonths, zones, domains, types, access, settings,
                sectors, methods, languages, availableNow, maxWaitWeeks, includeUnknown, sort,
                origin == null ? null : new SearchRequest.Origin(origin.latitude(), origin.longitude()), pageNumber, pageSize);
        return new Parsed(request, new SearchResult.Understood(reading.text(), months, toMonths, reading.ageFrom(),
                List.copyOf(zones), reading.zonesFrom() != null ? reading.zonesFrom()
                : postcode != null && !postcode.isBlank() ? postcode.strip() : null, reading.availableNowFrom(), null, false,
                List.of(), List.of()));
    }

    /**
     * The upper end of a range of ages, in months, included: {@code ageTo} in years (through that year: 17 is
     * up to 17 years and 11 months) or {@code ageToMonths}; null for one age.
     */
    private static Integer upperAge(ConvertibleMultiValues<String> parameters, Integer from, List<FieldError> errors) {
        Integer years = range(parameters, "ageTo", 0, 120, errors);
        Integer months = range(parameters, "ageToMonths", -9, 1440, errors);
        if (years != null && months != null) {
            errors.add(error("ageTo", "search.ageToBoth"));
            return null;
        }
        Integer to = months != null ? months : years != null ? Integer.valueOf(years * 12 + 11) : null;
        String name = months != null ? "ageToMonths" : "ageTo";
        if (to != null && from == null) {
            errors.add(error(name, "search.ageToAlone", name));
            return null;
        }
        if (to != null && to < from) {
            errors.add(error(name, "search.ageToBelow", name));
            return null;
        }
        return to;
    }

    /**
     * Control characters, symbols (but "+") and emoji become spaces; words longer than {@link #MAX_WORD_LENGTH}
     * are dropped; only the first {@link #MAX_WORDS} words count. The work any text causes is bounded here.
     */
    static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String token : SPACES.split(typed)) {
            // e-mail and web addresses go whole before their dots and @ split them into words that could name someone
            if (token.isEmpty() || isAddress(token)) {
                continue;
            }
            // "+" stays for "18+" (from 18 years on); analysis drops it from the words searched
            for (String word : NOT_WORD.split(token)) {
                if (!word.isEmpty() && word.length() <= MAX_WORD_LENGTH) {
                    words.add(word);
                    if (words.size() == MAX_WORDS) {
                        return String.join(" ", words);
                    }
                }
            }
        }
        return String.join(" ", words);
    }

    private static boolean isAddress(String token) {
        if (token.indexOf('@') >= 0) {
            return true;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.contains("http:") || lower.contains("https:") || lower.contains("www.") || DOMAIN.matcher(token).find();
    }

    private static SearchRequest.Sort sort(ConvertibleMultiValues<String> parameters, List<FieldError> errors) {
        String value = parameters.get("sort");
        if (value == null || value.isBlank()) {
            return SearchRequest.Sort.RELEVANCE;
        }
        try {
            return SearchRequest.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error("sort", "field.unknownCode", "sort", value, "relevance, wait, confirmed, distance"));
            return SearchRequest.Sort.RELEVANCE;
        }
    }

    private static Set<String> codes(ConvertibleMultiValues<String> parameters, String name, Predicate<String> known,
                                     String unknownKey, List<FieldError> errors) {
        Set<String> values = new LinkedHashSet<>();
        for (String raw : parameters.getAll(name)) {
            for (String value : raw.split(",")) {
                String code = value.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (known.test(code)) {
                    values.add(code);
                } else {
                    String allowed = unknownKey.equals("field.unknownCode") ? "zie /api/v1/reference" : "";
                    errors.add(error(name, unknownKey, name, code, allowed));
                }
            }
        }
        return values;
    }

    /** True unless the parameter says false. */
    private static boolean unlessFalse(ConvertibleMultiValues<String> parameters, String name, List<FieldError> errors) {
        String value = parameters.get(name);
        return value == null || value.isBlank() || bool(parameters, name, errors);
    }

    private static boolean bool(ConvertibleMultiValues<String> parameters, String name, List<FieldError> errors) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "ja" -> true;
            case "false", "0", "off", "nee" -> false;
            default -> {
                errors.add(error(name, "search.boolean", name));
                yield false;
            }
        };
    }

    private static Integer range(ConvertibleMultiValues<String> parameters, String name, int min, int max,
                                 List<FieldError> errors) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
                errors.add(switch (name) {
                    case "page" -> error(name, "search.page");
                    case "size" -> error(name, "search.size", SearchRequest.MAX_SIZE);
                    default -> error(name, "search.age", name, min, max);
                });
                return null;
            }
            return (int) number;
        } catch (NumberFormatException e) {
            errors.add(error(name, "search.number", name));
            return null;
        }
    }

    private static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, key, Messages.get(key, args));
    }

    /** Postcode to zones, read from the reference data on first use of each postcode. */
    private static final class PostcodeZones extends java.util.AbstractMap<String, Set<String>> {
        private final ReferenceData reference;
        private final Map<String, Set<String>> cache = new java.util.concurrent.ConcurrentHashMap<>();

        PostcodeZones(ReferenceData reference) {
            this.reference = reference;
        }

        @Override
        public Set<String> get(Object key) {
            String postcode = (String) key;
            Set<String> zones = cache.computeIfAbsent(postcode, p -> {
                Set<String> found = new LinkedHashSet<>();
                reference.postcode(p).forEach(place -> found.add(place.zoneCode()));
                return found;
            });
            return zones.isEmpty() ? null : zones;
        }

        @Override
        public Set<Map.Entry<String, Set<String>>> entrySet() {
            return cache.entrySet();
        }
    }
}
