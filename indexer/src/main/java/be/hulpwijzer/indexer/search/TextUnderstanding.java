package be.hulpwijzer.indexer.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an age ({@link AgeText}), a place and a wish for room now out of what someone typed: "angst 15 jaar Brugge" searches
 * "angst" for a 15-year-old in zone Brugge; "thuisbegeleiding zonder wachtlijst" searches "thuisbegeleiding"
 * with a free place now. Places are postcodes, municipalities and zones by name (longest match first, so
 * "Sint-Niklaas" is not read as something shorter).
 */
final class TextUnderstanding {

    private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])([1-9]\\d{3})(?![\\p{L}\\p{N}])");
    /** Asking for room now: "geen wachtlijst", "zonder wachttijd", "vrije plaatsen", "nu vrij", "direct terecht". */
    private static final Pattern ROOM_NOW = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:(?:geen|zonder)\\s+(?:wachtlijsten|wachtlijst"
            + "|wachttijden|wachttijd|wachten)|vrije\\s+plaatsen|vrije\\s+plaats|plaatsen\\s+vrij|plaats\\s+vrij|nu\\s+vrij"
            + "|(?:direct|meteen|onmiddellijk)\\s+(?:beschikbaar|terecht|plaats))(?![\\p{L}\\p{N}])");
    private static final int LONGEST_NAME_WORDS = 4;
    private static final int MOST_AGES = 4;

    /**
     * What was found: the text left, and the age, zones and wish for room now with the words they came from
     * (null when not found).
     */
    record Reading(String text, Integer ageMonths, Integer ageToMonths, String ageFrom, Set<String> zones,
                   String zonesFrom, String availableNowFrom) {
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

    /** Room now is read unless undone: asked for in the text as well as by the filter, it is the same filter. */
    Reading read(String typed, boolean findAge, boolean findPlace, boolean findRoomNow) {
        String text = typed;
        String availableNowFrom = null;
        Matcher roomNow = ROOM_NOW.matcher(text);
        if (findRoomNow && roomNow.find()) {
            availableNowFrom = roomNow.group();
            text = text.substring(0, roomNow.start()) + " " + text.substring(roomNow.end());
        }
        // several ages in one text ("broer (8) en zus (12)") are the range that covers them all
        AgeText.Ages ages = null;
        List<String> agesFrom = new ArrayList<>();
        String unread = text;
        for (int i = 0; findAge && i < MOST_AGES; i++) {
            Optional<AgeText.Found> age = AgeText.find(unread);
            if (age.isEmpty()) {
                break;
            }
            AgeText.Found found = age.get();
            if (found.keepsWords() && ages != null) {
                break; // "tiener van 16": the age typed says more than the life stage
            }
            ages = ages == null ? found.ages() : covering(ages, found.ages());
            agesFrom.add(found.words());
            String blank = " ".repeat(found.end() - found.start());
            unread = unread.substring(0, found.start()) + blank + unread.substring(found.end());
            if (!found.keepsWords()) {
                text = text.substring(0, found.start()) + blank + text.substring(found.end());
            }
        }
        String ageFrom = agesFrom.isEmpty() ? null : String.join(", ", agesFrom);
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
        return new Reading(text.strip().replaceAll("\\s+", " "), ages == null ? null : ages.fromMonths(),
                ages == null ? null : ages.toMonths(), ageFrom, zones, zonesFrom, availableNowFrom);
    }

    /** The range of ages from the youngest to the oldest of two readings. */
    private static AgeText.Ages covering(AgeText.Ages a, AgeText.Ages b) {
        int from = Math.min(a.fromMonths(), b.fromMonths());
        int to = Math.max(a.toMonths() == null ? a.fromMonths() : a.toMonths(), b.toMonths() == null ? b.fromMonths() : b.toMonths());
        return new AgeText.Ages(from, to == from ? null : to);
    }

    static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
