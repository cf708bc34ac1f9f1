package be.hulpwijzer.indexer.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words analysis needs beyond Lucene's: compound parts, search-box stopwords, and synonyms
 * (acronyms from the reference data, method synonyms). Immutable.
 */
public record Vocabulary(Set<String> compoundParts, Set<String> stopwords, Map<String, List<String>> synonyms) {

    public Vocabulary {
        compoundParts = Set.copyOf(compoundParts);
        stopwords = Set.copyOf(stopwords);
        synonyms = Map.copyOf(synonyms);
    }

    /** The shipped word lists, with the given synonyms (term to the phrases it stands for). */
    public static Vocabulary withSynonyms(Map<String, List<String>> synonyms) {
        return new Vocabulary(words("compound-words.txt"), words("stopwords.txt"), synonyms);
    }

    private static Set<String> words(String file) {
        try (InputStream in = Vocabulary.class.getResourceAsStream("/analysis/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + file);
            }
            Set<String> words = new LinkedHashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
