package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place analysis is defined, for indexing and querying alike.
 * <ul>
 * <li>index: words, lower case, accents folded ("Crisis-opvang" and "crisisopvang" meet), compound parts
 * added next to the compound (see {@link Decompounder}) ("contextbegeleiding" also indexes context and begeleiding), Dutch stems
 * (plurals and diminutives: "jongeren"/"jongere", "groepje"/"groepen"/"groep", see {@link Inflections}). No stopwords are removed: "geen", "niet", "zonder" keep their meaning
 * and synonym phrases stay intact.</li>
 * <li>query: the same, without compound splitting (the search box text is split on whole-word cover
 * before, see {@link QueryText}) and with acronyms expanded both ways ("CGG" and "centrum voor
 * geestelijke gezondheidszorg").</li>
 * <li>spelling: words folded but not stemmed, the source of "bedoelde u ...?" suggestions.</li>
 * </ul>
 */
public final class DutchAnalyzers {

    private final Analyzer index;
    /** What indexing makes of each word, on its own; the index analyser replays it per word seen before. */
    private final UnaryOperator<TokenStream> wordByWord;
    private final Analyzer query;
    private final Analyzer spelling;
    private final Vocabulary vocabulary;
    private final Decompounder decompounder;
    private final QueryText queryText;
    private final WordKeys keys;
    /** Replaced as a whole when the thesaurus changes (see {@link #thesaurus(List)}). */
    private volatile Thesaurus thesaurus;

    public DutchAnalyzers(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.decompounder = vocabulary.decompounder();
        Inflections inflections = new Inflections(word -> vocabulary.dictionary().contains(word)
                || vocabulary.compoundParts().contains(word) || !decompounder.split(word).isEmpty());
        this.queryText = new QueryText(decompounder, inflections, vocabulary.stopwords());
        SynonymMap synonyms = synonymMap(vocabulary.synonyms(), queryText);
        this.keys = new WordKeys(inflections, new Lemmas());
        this.thesaurus = new Thesaurus(vocabulary.thesaurus(), keys::key, vocabulary.stopwords(), this::light);
        this.wordByWord = stream -> new SnowballFilter(new CompoundCoverFilter(
                new InflectionFilter(stream, inflections), decompounder), new DutchStemmer());
        this.index = analyzer(stream -> new WordMemoFilter(stream, wordByWord));
        this.query = analyzer(stream -> new SnowballFilter(new InflectionFilter(synonyms == null ? stream
                : new SynonymGraphFilter(stream, synonyms, true), inflections), new DutchStemmer()));
        this.spelling = analyzer(stream -> stream);
    }

    public Analyzer index() {
        return index;
    }

    /** The index analyser without its memory of words: what {@link #index()} must equal (for tests). */
    Analyzer indexWithoutMemo() {
        return analyzer(wordByWord);
    }

    public Analyzer query() {
        return query;
    }

    public Analyzer spelling() {
        return spelling;
    }

    /**
     * What someone asked for, concept by concept: the thesaurus' phrases found in the text (whatever the word
     * forms), each other word on its own; function words dropped, light words marked.
     */
    public List<Concept> concepts(String text) {
        if (text.length() > MAX_REMEMBERED_LENGTH) {
            return read(thesaurus, text);
        }
        Thesaurus now = thesaurus;
        return concepts.get(new Remembered(now, text), r -> read(r.thesaurus(), r.text()));
    }

    /** A text read with one thesaurus: a changed thesaurus reads the text again. */
    private record Remembered(Thesaurus thesaurus, String text) {
    }

    private static final int MAX_REMEMBERED_LENGTH = 200;
    /** The same few texts are searched again and again; reading one (Hunspell, the thesaurus) costs tens of microseconds. */
    private final com.github.benmanes.caffeine.cache.Cache<Remembered, List<Concept>> concepts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    private List<Concept> read(Thesaurus thesaurus, String text) {
        List<String> words = Words.of(text);
        List<Concept> read = new java.util.ArrayList<>();
        List<Thesaurus.Match> matches = thesaurus.find(words);
        int next = 0;
        for (int i = 0; i < words.size(); i++) {
            Thesaurus.Match match = next < matches.size() && matches.get(next).from() == i ? matches.get(next++) : null;
            if (match != null) {
                List<String> typed = words.subList(match.from(), match.to()).stream()
                        .filter(w -> !vocabulary.stopwords().contains(w)).toList();
                // a phrase of the thesaurus always counts ("kinderen niet meer aan"); one light word stays light
                read.add(new Concept(typed, match.groups(), typed.size() == 1 && light(typed.get(0))));
                i = match.to() - 1;
            } else if (!vocabulary.stopwords().contains(words.get(i))) {
                read.add(new Concept(List.of(words.get(i)), List.of(), light(words.get(i))));
            }
        }
        return List.copyOf(read);
    }

    /** Applies a changed thesaurus to the searches from now on (acronyms stay as given at start). */
    public void thesaurus(List<ThesaurusGroup> groups) {
        this.thesaurus = new Thesaurus(Vocabulary.withAcronyms(groups, vocabulary.synonyms()), keys::key,
                vocabulary.stopwords(), this::light);
        concepts.invalidateAll();
    }

    /** Forgets the texts read (for measuring searches never seen before). */
    public void forgetRemembered() {
        concepts.invalidateAll();
    }

    private boolean light(String word) {
        return vocabulary.lightWords().contains(word);
    }

    /** A word as the index holds it, and its family's key (see {@link WordKeys}). */
    public WordKeys keys() {
        return keys;
    }

    /** Prepares search-box text for {@link #query()}. */
    public QueryText queryText() {
        return queryText;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The one compound splitter of indexing and querying, with its memory of words already split. */
    public Decompounder decompounder() {
        return decompounder;
    }

    private static Analyzer analyzer(UnaryOperator<TokenStream> chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream folded = new ApostropheFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
                return new TokenStreamComponents(tokenizer, chain.apply(folded));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Each term and its phrases become equivalent, both ways; a phrase also as the search box prepares it,
     * without function words and with compounds split ("centrum geestelijke gezondheid zorg"). Null when
     * there are none.
     */
    private static SynonymMap synonymMap(Map<String, List<String>> synonyms, QueryText queryText) {
        if (synonyms.isEmpty()) {
            return null;
        }
        Analyzer plain = analyzer(stream -> stream);
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (Map.Entry<String, List<String>> entry : synonyms.entrySet()) {
                CharsRef term = words(plain, entry.getKey());
                for (String phrase : asTypedAndPrepared(entry.getValue(), queryText)) {
                    CharsRef other = words(plain, phrase);
                    if (term.length > 0 && other.length > 0 && !term.equals(other)) {
                        builder.add(term, other, true);
                        builder.add(other, term, true);
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            plain.close();
        }
    }

    private static java.util.Set<String> asTypedAndPrepared(List<String> phrases, QueryText queryText) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(phrases);
        phrases.forEach(phrase -> all.add(queryText.prepare(phrase)));
        all.remove("");
        return all;
    }

    /** The analysed words of a text, joined as SynonymMap expects. */
    private static CharsRef words(Analyzer analyzer, String text) throws IOException {
        CharsRefBuilder joined = new CharsRefBuilder();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (joined.length() > 0) {
                    joined.append(SynonymMap.WORD_SEPARATOR);
                }
                joined.append(term.buffer(), 0, term.length());
            }
            stream.end();
        }
        return joined.get();
    }
}
