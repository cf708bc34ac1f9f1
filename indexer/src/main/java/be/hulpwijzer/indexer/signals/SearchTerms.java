package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.indexer.analysis.Lemmas;
import be.hulpwijzer.indexer.analysis.Vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a search that may be kept: only the field's own vocabulary (the words the analysis knows as
 * parts of the domain's compounds, and its acronyms), never anything that could name or reach a person.
 * Dropped: words with digits (phone, national register, house numbers), e-mail and web addresses (removed
 * whole before the text is split), words typed with a capital (names), every word outside the field's
 * vocabulary (ordinary Dutch words are surnames too: bakker, visser, vos), and everything when more than a
 * few words were typed (a description of a situation). Signals rest on the filters and on these words.
 */
public final class SearchTerms {

    static final int MAX_WORDS = 4;

    private final Set<String> domain;
    private final Set<String> stopwords;
    private final Set<String> compoundParts;
    /**
     * Acronyms are kept only typed in capitals ("CGG", "VOS"): typed in lower case, many are also surnames or
     * words ("vos", "roos"), and a log must not guess which was meant.
     */
    private final Set<String> acronyms;

    private final Set<String> dictionary;
    private final Set<String> lightWords;

    public SearchTerms(Vocabulary vocabulary) {
        this.compoundParts = vocabulary.compoundParts();
        this.domain = new java.util.HashSet<>(vocabulary.compoundParts());
        this.domain.addAll(vocabulary.synonyms().keySet());
        // the thesaurus' single words are words of the field too
        vocabulary.thesaurus().forEach(group -> group.terms().stream().filter(t -> t.matches("[\\p{L}-]+"))
                .map(SearchTerms::fold).filter(t -> t.length() > 2).forEach(domain::add));
        this.dictionary = vocabulary.dictionary();
        this.lightWords = vocabulary.lightWords();
        this.stopwords = vocabulary.stopwords();
        this.acronyms = Set.copyOf(vocabulary.synonyms().keySet());
    }

    public List<String> safe(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String[] words = typed.strip().split("\\s+");
        if (words.length > MAX_WORDS) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (word.matches(".*\\d.*") || word.contains("@") || word.contains("/") || word.contains(".")
                    || !word.equals(word.toLowerCase(Locale.ROOT)) && !domain.contains(fold(word))) {
                continue;
            }
            String folded = fold(word);
            if (folded.length() < 2 || stopwords.contains(folded)
                    || acronyms.contains(folded) && !compoundParts.contains(folded) && !word.equals(word.toUpperCase(Locale.ROOT))) {
                continue;
            }
            if (domain.contains(folded)) {
                kept.add(folded);
            }
        }
        return kept;
    }

    /**
     * Of the words search did not understand, those that may be kept: only from a search whose other words found
     * help (a word beside a need, not a search for a person), typed in lower case, letters only, at least four, an
     * ordinary Dutch word (OpenTaal's list) that the dictionary does not also know as a name, never a light word.
     * Shown to coordinators only when several searches used them ({@link Signals#unknownWords}).
     */
    public List<String> unknownWords(String typed, List<String> notUnderstood, boolean foundHelp) {
        if (typed == null || notUnderstood.isEmpty() || !foundHelp) {
            return List.of();
        }
        Set<String> asTyped = Set.of(typed.strip().split("[^\\p{L}\\p{N}@./-]+"));
        List<String> kept = new ArrayList<>();
        for (String word : notUnderstood) {
            if (asTyped.contains(word) && word.matches("[a-z]{4,40}") && dictionary.contains(word)
                    && !lightWords.contains(word) && !stopwords.contains(word) && !Lemmas.isProperName(word)) {
                kept.add(word);
            }
        }
        return kept;
    }

    private static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z-]", "");
    }
}
