package be.hulpwijzer.indexer.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages as people write them, read into months: "15 jaar", "18 maanden", a range "0-3 jaar", "van 12 tot 18
 * jaar", "tussen 6 en 12 jaar" (the upper end not included, as a module's "12 tot 18 jaar" means until the
 * 18th birthday), or "from ... on": "18+", "vanaf 18 jaar", "18 jaar en ouder" (up to the oldest age). One
 * reading for the search box ({@link #find}) and the search page's age field ({@link #field}).
 */
public final class AgeText {

    /** An age or a range of ages: "15", "0-3", "van 12 tot 18", "tussen 6 en 12"; groups: from, from, to (or the age). */
    private static final String AGES = "(?iu)(?<![\\p{L}\\p{N}])(?:(?:van\\s+)?(\\d{1,4})\\s*(?:-|tot)\\s*"
            + "|tussen\\s+(\\d{1,4})\\s+en\\s+)?(\\d{1,4})\\s*-?\\s*";
    private static final Pattern YEARS = Pattern.compile(AGES + "(?:jaar|jarige|jarigen|j)(?![\\p{L}\\p{N}])");
    private static final Pattern MONTHS = Pattern.compile(AGES + "(?:maanden|maand|mnd)(?![\\p{L}\\p{N}])");
    /** From an age on: "18+", "+18", "vanaf 18 jaar", "18 jaar en ouder"; groups: one of the four. */
    private static final Pattern ONWARDS = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:(\\d{1,3})\\s*(?:jaar\\s*|j\\s*)?\\+"
            + "|\\+\\s*(\\d{1,3})(?:\\s*(?:jaar|j))?|vanaf\\s+(\\d{1,3})\\s*(?:jaar|j)|(\\d{1,3})\\s*(?:jaar|j)\\s+en\\s+ouder)"
            + "(?![\\p{L}\\p{N}])");
    private static final int MAX_MONTHS = SearchRequest.OLDEST_MONTHS;

    /** Ages in months: one ({@code toMonths} null) or a range, both ends included. */
    public record Ages(int fromMonths, Integer toMonths) {
    }

    /** Ages found in a text: what they are, and where the words stood. */
    record Found(Ages ages, int start, int end, String words) {
    }

    private AgeText() {
    }

    /** The first ages written in the text ("from ... on" first, then years, then months), if any is in range. */
    static Optional<Found> find(String text) {
        Matcher onwards = ONWARDS.matcher(text);
        Matcher years = YEARS.matcher(text);
        Matcher months = MONTHS.matcher(text);
        for (Matcher matcher : new Matcher[]{onwards, years, months}) {
            if (matcher.find()) {
                Ages ages = matcher == onwards ? onwards(matcher) : ages(matcher, matcher == years ? 12 : 1);
                if (ages != null) {
                    return Optional.of(new Found(ages, matcher.start(), matcher.end(), matcher.group().strip()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The whole of an age field that counts in years: "12", "12-18", "18+", "vanaf 18", "6 maanden". Empty when
     * the value is no age in range (the search then refuses it, naming the field).
     */
    public static Optional<Ages> field(String value) {
        String text = value.strip();
        for (String candidate : new String[]{text, text + " jaar"}) {
            Optional<Found> found = find(candidate);
            if (found.isPresent() && found.get().start() == 0 && found.get().end() == candidate.length()) {
                return Optional.of(found.get().ages());
            }
        }
        return Optional.empty();
    }

    /** The ages matched, in months ({@code unit} months each), or null when out of range. */
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
}
