package be.hulpwijzer.indexer.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The words analysis needs beyond Lucene's: the domain's compound parts, the general Dutch word list
 * (OpenTaal, BSD licence, see analysis/OPENTAAL-LICENCE.txt), search-box stopwords, light words (that only
 * rank), acronyms from the reference data, and the thesaurus as it was at start. Immutable.
 */
public record Vocabulary(Set<String> compoundParts, Set<String> dictionary, Set<String> stopwords,
                         Set<String> lightWords, Map<String, List<String>> synonyms, List<ThesaurusGroup> thesaurus) {

    public Vocabulary {
        compoundParts = Set.copyOf(compoundParts);
        dictionary = Set.copyOf(dictionary);
        stopwords = Set.copyOf(stopwords);
        lightWords = Set.copyOf(lightWords);
        synonyms = Map.copyOf(synonyms);
        thesaurus = List.copyOf(thesaurus);
    }

    /** The shipped word lists, with the given synonyms (term to the phrases it stands for) and no thesaurus. */
    public static Vocabulary withSynonyms(Map<String, List<String>> synonyms) {
        return withThesaurus(synonyms, List.of());
    }

    /**
     * The shipped word lists with the given acronyms (term to the phrases it stands for) and thesaurus; each
     * acronym is also a thesaurus group of its own.
     */
    public static Vocabulary withThesaurus(Map<String, List<String>> synonyms, List<ThesaurusGroup> thesaurus) {
        return new Vocabulary(words("compound-words.txt", false), Dictionary.WORDS, words("stopwords.txt", false),
                words("light-words.txt", false), synonyms, withAcronyms(thesaurus, synonyms));
    }

    /** The thesaurus' groups and one group per acronym (the acronym and what it stands for). */
    static List<ThesaurusGroup> withAcronyms(List<ThesaurusGroup> thesaurus, Map<String, List<String>> acronyms) {
        List<ThesaurusGroup> groups = new java.util.ArrayList<>(thesaurus);
        acronyms.forEach((term, phrases) -> {
            List<String> terms = new java.util.ArrayList<>(List.of(term));
            terms.addAll(phrases);
            groups.add(new ThesaurusGroup(terms, null, null));
        });
        return groups;
    }

    public Decompounder decompounder() {
        return new Decompounder(compoundParts, dictionary);
    }

    /** Loaded once per JVM: 277,000 words. */
    private static final class Dictionary {
        static final Set<String> WORDS = Set.copyOf(words("opentaal-words.txt.gz", true));
    }

    private static Set<String> words(String file, boolean gzipped) {
        try (InputStream raw = Vocabulary.class.getResourceAsStream("/analysis/" + file)) {
            if (raw == null) {
                throw new IllegalStateException("missing word list " + file);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
