package be.hulpwijzer.indexer.signals;

import be.hulpwijzer.indexer.analysis.Vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a search that may be kept: ordinary Dutch words and the domain's own, never anything that
 * could name or reach a person. Dropped: words with digits (phone, national register, house numbers),
 * e-mail and web addresses, words typed with a capital (names), words no dictionary knows (most
 * surnames), and everything when more than a few words were typed (a description of a situation).
 */
public final class SearchTerms {

    static final int MAX_WORDS = 4;

    private final Set<String> dictionary;
    private final Set<String> domain;
    private final Set<String> stopwords;

    public SearchTerms(Vocabulary vocabulary) {
        this.dictionary = vocabulary.dictionary();
        this.domain = new java.util.HashSet<>(vocabulary.compoundParts());
        this.domain.addAll(vocabulary.synonyms().keySet());
        this.stopwords = vocabulary.stopwords();
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
            if (folded.length() < 2 || stopwords.contains(folded)) {
                continue;
            }
            if (domain.contains(folded) || dictionary.contains(folded)) {
                kept.add(folded);
            }
        }
        return kept;
    }

    private static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z-]", "");
    }
}
