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
    /** "meisje van 15", "zoon van 17": the age of the child someone describes (group 2; the words from group 1). */
    private static final Pattern PERSON_OF = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:zoon|zoontje|zonen|dochter|dochtertje|dochters|kinderen|jongens|meisjes"
            + "|kind|kindje|meisje|jongen|jongere|tiener|puber|leerling|broer|broertje|zus|zusje|pleegkind|pleegzoon"
            + "|pleegdochter|baby|peuter|kleuter)\\s+(van\\s+(\\d{1,2}))(?![\\p{L}\\p{N}])");
    /** "Lotte (16)": an age in brackets. */
    private static final Pattern BRACKETS = Pattern.compile("\\((\\d{1,2})\\)");
    /** Life stages as ages, in months, both ends included; the word stays in the text (it also says what is asked). */
    private static final java.util.Map<Pattern, Ages> STAGES = stages(
            "baby|baby's|babys|zuigeling|zuigelingen|pasgeborene", 0, 11,
            "peuter|peuters|dreumes", 12, 35,
            "kleuter|kleuters", 36, 71,
            "lagere\\s+school|lager\\s+onderwijs|lagereschoolkind", 72, 143,
            "puber|pubers", 144, 215,
            "tiener|tieners", 156, 227,
            "minderjarige|minderjarigen", 0, 215,
            "jongvolwassene|jongvolwassenen", 216, 299);

    /** Ages in months: one ({@code toMonths} null) or a range, both ends included. */
    public record Ages(int fromMonths, Integer toMonths) {
    }

    /** Ages found in a text: what they are, where the words stood, and whether those words stay searched. */
    record Found(Ages ages, int start, int end, String words, boolean keepsWords) {
    }

    private static java.util.Map<Pattern, Ages> stages(Object... definitions) {
        java.util.Map<Pattern, Ages> stages = new java.util.LinkedHashMap<>();
        for (int i = 0; i < definitions.length; i += 3) {
            stages.put(Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + definitions[i] + ")(?![\\p{L}\\p{N}])"),
                    new Ages((Integer) definitions[i + 1], (Integer) definitions[i + 2]));
        }
        return stages;
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
                    return Optional.of(new Found(ages, matcher.start(), matcher.end(), matcher.group().strip(), false));
                }
            }
        }
        Matcher person = PERSON_OF.matcher(text);
        if (person.find()) {
            return Optional.of(new Found(new Ages(Integer.parseInt(person.group(2)) * 12, null), person.start(1),
                    person.end(1), person.group(1), false));
        }
        Matcher brackets = BRACKETS.matcher(text);
        if (brackets.find() && Integer.parseInt(brackets.group(1)) * 12 <= MAX_MONTHS) {
            return Optional.of(new Found(new Ages(Integer.parseInt(brackets.group(1)) * 12, null), brackets.start(),
                    brackets.end(), brackets.group(), false));
        }
        for (java.util.Map.Entry<Pattern, Ages> stage : STAGES.entrySet()) {
            Matcher matcher = stage.getKey().matcher(text);
            if (matcher.find()) {
                return Optional.of(new Found(stage.getValue(), matcher.start(), matcher.end(), matcher.group(), true));
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
