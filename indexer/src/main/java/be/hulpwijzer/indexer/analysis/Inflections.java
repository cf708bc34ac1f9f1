package be.hulpwijzer.indexer.analysis;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Takes Dutch diminutives and the plurals the Snowball stemmer leaves apart back to the word they come
 * from, when that word is known: groepje(s) and groepen to groep, gezinnen to gezin, stoornissen to
 * stoornis, huizen to huis, problemen to probleem, kinderen to kind. Runs before stemming, so
 * singular and plural meet whatever the stemmer makes of them. An unknown base leaves the word alone.
 */
final class Inflections {

    private static final List<String> DIMINUTIVES = List.of("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je");
    /** The few nouns with an -eren plural; other words ending in -eren are not plurals of a shorter word. */
    private static final Set<String> EREN_PLURALS = Set.of("kind", "lied", "blad", "been", "kalf", "lam", "rund", "volk", "ei");
    private static final String VOWELS = "aeiou";
    private static final int MIN_WORD = 5;

    private final Predicate<String> known;

    Inflections(Predicate<String> known) {
        this.known = known;
    }

    String base(String word) {
        if (word.length() < MIN_WORD) {
            return word;
        }
        for (String suffix : DIMINUTIVES) {
            if (word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                String found = firstKnown(stem, undouble(stem));
                if (found != null) {
                    return found;
                }
            }
        }
        if (word.endsWith("eren") && EREN_PLURALS.contains(word.substring(0, word.length() - 4))) {
            return word.substring(0, word.length() - 4);
        }
        if (word.endsWith("en")) {
            String stem = word.substring(0, word.length() - 2);
            String found = firstKnown(undouble(stem), voicedToUnvoiced(stem), doubledVowel(stem));
            if (found != null) {
                return found;
            }
        }
        return word;
    }

    private String firstKnown(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.length() >= 3 && known.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** gezinn to gezin, stoorniss to stoornis; null when the word does not end in a double consonant. */
    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && VOWELS.indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return null;
    }

    /** huiz to huis, briev to brief. */
    private static String voicedToUnvoiced(String stem) {
        if (stem.endsWith("z")) {
            return stem.substring(0, stem.length() - 1) + "s";
        }
        if (stem.endsWith("v")) {
            return stem.substring(0, stem.length() - 1) + "f";
        }
        return null;
    }

    /** problem to probleem, jar to jaar: an open syllable's vowel written twice in the singular. */
    private static String doubledVowel(String stem) {
        int n = stem.length();
        if (n < 3) {
            return null;
        }
        char last = stem.charAt(n - 1);
        char vowel = stem.charAt(n - 2);
        char before = stem.charAt(n - 3);
        if (VOWELS.indexOf(last) < 0 && "aeou".indexOf(vowel) >= 0 && VOWELS.indexOf(before) < 0) {
            return stem.substring(0, n - 1) + vowel + last;
        }
        return null;
    }
}
