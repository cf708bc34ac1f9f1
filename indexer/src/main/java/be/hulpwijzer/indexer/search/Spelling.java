package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.Decompounder;
import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.Vocabulary;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.facet.Memories;
import be.hulpwijzer.indexer.facet.SteadyStatistics;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Bedoelde u ...?": each typo (a word neither Dutch nor known to the index) replaced by the closest word the
 * index does know (Lucene's
 * {@link DirectSpellChecker} over the index's own words). Looking for close words builds Levenshtein automata,
 * milliseconds per word, so the closest word to an unknown one is remembered for the epoch of the scoring
 * statistics ({@link SteadyStatistics}): within it the index moved by less than a percent. Whether a word is
 * known (itself, or each of its compound parts) is asked of the index every time, so a word that has just been
 * added is never "corrected".
 */
final class Spelling {

    /** Words shorter than this are never corrected: too many words are one or two letters away. */
    private static final int MIN_LENGTH = 4;
    private static final int MAX_REMEMBERED = 10_000;
    private static final String NONE = "";

    private final Vocabulary vocabulary;
    private final Decompounder decompounder;
    /** What made the index's words of the spelling field: the typed words are folded by it alike. */
    private final Analyzer folding;
    /** The closest known word (or {@link #NONE}) to an unknown one, in an epoch. */
    private final Cache<Unknown, String> closest = Memories.bounded(MAX_REMEMBERED);

    Spelling(DutchAnalyzers analyzers) {
        this.vocabulary = analyzers.vocabulary();
        this.decompounder = analyzers.decompounder();
        this.folding = analyzers.spelling();
    }

    private record Unknown(long epoch, String word) {
    }

    /** The text as typed with its unknown words corrected (the others in lower case), or null when no word was. */
    String suggest(IndexReader reader, SteadyStatistics.Epoch epoch, String text) throws IOException {
        if (text.isBlank()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String word : text.strip().split("\\s+")) {
            // lower case and accents folded as the index folded them ("Crèche" is "creche"), then one word
            String folded = folding.normalize(DocumentMapper.SPELL, word).utf8ToString().replaceAll("[^\\p{L}\\p{N}]", "");
            boolean acronym = vocabulary.synonyms().containsKey(folded);
            if (folded.length() >= MIN_LENGTH && folded.length() <= SearchParameters.MAX_WORD_LENGTH && !acronym
                    && !known(reader, folded)) {
                String closest = closest(reader, epoch, folded);
                if (closest != null) {
                    words.add(closest);
                    changed = true;
                    continue;
                }
            }
            words.add(word.toLowerCase(Locale.ROOT));
        }
        return changed ? String.join(" ", words) : null;
    }

    /**
     * Whether the word is no typo: a Dutch word (OpenTaal) or search-box function word, typed on purpose even
     * when no module uses it ("geen wachtlijst" was "corrected" into "geven wachtlijst"); a word the index holds;
     * or a compound whose every part it holds ("thuisbegeleiding" where modules only say "thuis begeleiding", as
     * search splits it so and finds them).
     */
    private boolean known(IndexReader reader, String word) throws IOException {
        if (vocabulary.dictionary().contains(word) || vocabulary.stopwords().contains(word)
                || reader.docFreq(new Term(DocumentMapper.SPELL, word)) > 0) {
            return true;
        }
        List<String> parts = decompounder.words(word);
        if (parts.size() < 2) {
            return false;
        }
        for (String part : parts) {
            if (reader.docFreq(new Term(DocumentMapper.SPELL, part)) == 0) {
                return false;
            }
        }
        return true;
    }

    private String closest(IndexReader reader, SteadyStatistics.Epoch epoch, String unknown) throws IOException {
        Unknown key = new Unknown(epoch.id(), unknown);
        String word = closest.getIfPresent(key);
        if (word == null) {
            SuggestWord[] found = new DirectSpellChecker().suggestSimilar(new Term(DocumentMapper.SPELL, unknown), 1,
                    reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            word = found.length > 0 ? found[0].string : NONE;
            closest.put(key, word);
        }
        return word.equals(NONE) ? null : word;
    }

    void forget() {
        closest.invalidateAll();
    }
}
