package be.hulpwijzer.indexer.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an age, a place and a wish for room now out of what someone typed: "angst 15 jaar Brugge" searches
 * "angst" for a 15-year-old in zone Brugge; "thuisbegeleiding zonder wachtlijst" searches "thuisbegeleiding"
 * with a free place now. Places are postcodes, municipalities and zones by name (longest match first, so
 * "Sint-Niklaas" is not read as something shorter).
 */
final class TextUnderstanding {

    /** An age or a range of ages: "15", "0-3", "van 12 tot 18", "tussen 6 en 12"; groups: from, from, to (or the age). */
    private static final String AGES = "(?iu)(?<![\\p{L}\\p{N}])(?:(?:van\\s+)?(\\d{1,4})\\s*(?:-|tot)\\s*"
            + "|tussen\\s+(\\d{1,4})\\s+en\\s+)?(\\d{1,4})\\s*-?\\s*";
    private static final Pattern YEARS = Pattern.compile(AGES + "(?:jaar|jarige|jarigen|j)(?![\\p{L}\\p{N}])");
    private static final Pattern MONTHS = Pattern.compile(AGES + "(?:maanden|maand|mnd)(?![\\p{L}\\p{N}])");
    /** From an age on: "18+", "+18", "vanaf 18 jaar", "18 jaar en ouder"; groups: one of the four. */
    private static final Pattern FROM_YEARS = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:(\\d{1,3})\\s*(?:jaar\\s*|j\\s*)?\\+"
            + "|\\+\\s*(\\d{1,3})(?:\\s*(?:jaar|j))?|vanaf\\s+(\\d{1,3})\\s*(?:jaar|j)|(\\d{1,3})\\s*(?:jaar|j)\\s+en\\s+ouder)"
            + "(?![\\p{L}\\p{N}])");
    private static final int MAX_MONTHS = SearchRequest.OLDEST_MONTHS;
    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])([1-9]\\d{3})(?![\\p{L}\\p{N}])");
    /** Asking for room now: "geen wachtlijst", "zonder wachttijd", "vrije plaatsen", "nu vrij", "direct terecht". */
    private static final Pattern ROOM_NOW = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:(?:geen|zonder)\\s+(?:wachtlijsten|wachtlijst"
            + "|wachttijden|wachttijd|wachten)|vrije\\s+plaatsen|vrije\\s+plaats|plaatsen\\s+vrij|plaats\\s+vrij|nu\\s+vrij"
            + "|(?:direct|meteen|onmiddellijk)\\s+(?:beschikbaar|terecht|plaats))(?![\\p{L}\\p{N}])");
    private static final int LONGEST_NAME_WORDS = 4;

    /**
     * What was found: the text left, and the age, zones and wish for room now with the words they came from
     * (null when not found).
     */
    record Reading(String text, Integer ageMonths, Integer ageToMonths, String ageFrom, Set<String> zones,
                   String zonesFrom, String availableNowFrom) {
    }

    /** Ages in months: one ({@code to} null) or a range. */
    private record Ages(int from, Integer to) {
    }

    private final Map<String, Set<String>> zonesByName;
    private final Map<String, Set<String>> zonesByPostcode;

    /**
     * @param zonesByName     folded municipality and zone names to the zones they stand for
     * @param zonesByPostcode postcodes to their zones
     */
    TextUnderstanding(Map<String, Set<String>> zonesByName, Map<String, Set<String>> zonesByPostcode) {
        this.zonesByName = zonesByName;
        this.zonesByPostcode = zonesByPostcode;
    }

    /** Room now is always read: asked for in the text as well as by the filter, it is the same filter. */
    Reading read(String typed, boolean findAge, boolean findPlace) {
        String text = typed;
        String availableNowFrom = null;
        Matcher roomNow = ROOM_NOW.matcher(text);
        if (roomNow.find()) {
            availableNowFrom = roomNow.group();
            text = text.substring(0, roomNow.start()) + " " + text.substring(roomNow.end());
        }
        Ages ages = null;
        String ageFrom = null;
        if (findAge) {
            Matcher onwards = FROM_YEARS.matcher(text);
            Matcher years = YEARS.matcher(text);
            Matcher months = MONTHS.matcher(text);
            Matcher found = onwards.find() && (ages = onwards(onwards)) != null ? onwards
                    : years.find() && (ages = ages(years, 12)) != null ? years
                    : months.find() && (ages = ages(months, 1)) != null ? months : null;
            if (found != null) {
                ageFrom = found.group().strip();
                text = text.substring(0, found.start()) + " " + text.substring(found.end());
            }
        }
        Set<String> zones = new LinkedHashSet<>();
        String zonesFrom = null;
        if (findPlace) {
            Matcher postcode = POSTCODE.matcher(text);
            while (postcode.find()) {
                Set<String> found = zonesByPostcode.get(postcode.group(1));
                if (found != null) {
                    zones.addAll(found);
                    zonesFrom = postcode.group(1);
                    text = text.substring(0, postcode.start()) + " " + text.substring(postcode.end());
                    break;
                }
            }
            if (zones.isEmpty()) {
                List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
                for (int length = Math.min(LONGEST_NAME_WORDS, words.size()); length >= 1 && zones.isEmpty(); length--) {
                    for (int from = 0; from + length <= words.size(); from++) {
                        String candidate = fold(String.join(" ", words.subList(from, from + length)));
                        Set<String> found = candidate.length() > 2 ? zonesByName.get(candidate) : null;
                        if (found != null) {
                            zones.addAll(found);
                            zonesFrom = String.join(" ", words.subList(from, from + length));
                            words.subList(from, from + length).clear();
                            text = String.join(" ", words);
                            break;
                        }
                    }
                }
            }
        }
        return new Reading(text.strip().replaceAll("\\s+", " "), ages == null ? null : ages.from(),
                ages == null ? null : ages.to(), ageFrom, zones, zonesFrom, availableNowFrom);
    }

    /**
     * The ages matched, in months ({@code unit} months each), or null when out of range. A range's upper end is
     * not included, as "12 tot 18 jaar" on a module means until the 18th birthday.
     */
    private static Ages ages(Matcher matched, int unit) {
        String lower = matched.group(1) != null ? matched.group(1) : matched.group(2);
        int last = Integer.parseInt(matched.group(3)) * unit;
        if (lower == null) {
            return last <= MAX_MONTHS ? new Ages(last, null) : null;
        }
        int first = Integer.parseInt(lower) * unit;
        if (first > MAX_MONTHS || last > MAX_MONTHS) {
            return null;
        }
        return last > first ? new Ages(first, last - 1) : new Ages(first, null);
    }

    /** "18+": from that age to the oldest, or null when out of range. */
    private static Ages onwards(Matcher matched) {
        for (int group = 1; group <= matched.groupCount(); group++) {
            if (matched.group(group) != null) {
                int from = Integer.parseInt(matched.group(group)) * 12;
                return from < MAX_MONTHS ? new Ages(from, MAX_MONTHS) : null;
            }
        }
        return null;
    }

    static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
