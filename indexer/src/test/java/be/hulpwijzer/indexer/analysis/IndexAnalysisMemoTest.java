package be.hulpwijzer.indexer.analysis;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Indexing replays what it made of a word before; what it indexes must not change by that. */
class IndexAnalysisMemoTest {

    private static final DutchAnalyzers ANALYZERS = new DutchAnalyzers(Vocabulary.withSynonyms(Map.of()));

    /** Compounds, diminutives, plurals, accents and ligatures that fold to other lengths, numbers, junk. */
    private static final List<String> WORDS = List.of("Contextbegeleiding", "thuisbegeleiding", "begeleiding",
            "opvoedingsondersteuning", "gezinnen", "Kinderen", "praatgroepje", "eetstoornissen", "Crisis-opvang",
            "coördinatie", "Coördinatie", "café", "Straße", "Strasse", "ﬁetsenstalling", "fietsenstalling", "Œuvre", "CGG", "jongeren", "geen",
            "niet", "zonder", "16-jarigen", "0-25", "2024", "e-mail", "www.hulp.be", "jan@caw.be", "😀", "x",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "budgetbegeleiding", "schuldhulpverlening", "gezinsondersteuning", "huizen", "huisjes", "Oostende,",
            "(ambulant)", "naïef", "ÉÉN", "één");

    @Property(tries = 200)
    void indexesTheSameTokensWithAndWithoutTheMemoryOfWords(@ForAll("texts") List<String> texts) throws IOException {
        Analyzer memo = ANALYZERS.index();
        Analyzer plain = ANALYZERS.indexWithoutMemo();
        for (String text : texts) {
            // twice: the first time fills the memory, the second replays from it
            assertThat(tokens(memo, text)).isEqualTo(tokens(plain, text));
            assertThat(tokens(memo, text)).isEqualTo(tokens(plain, text));
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> separator = Arbitraries.of(" ", "  ", ", ", "\n", " - ", ". ", "/");
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(30)
                .flatMap(words -> separator.list().ofSize(words.size()).map(seps -> {
                    StringBuilder joined = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        joined.append(words.get(i)).append(seps.get(i));
                    }
                    return joined.toString();
                }));
        return text.list().ofMinSize(1).ofMaxSize(4);
    }

    private record Token(String term, int increment, int length, int start, int end, String type) {
    }

    private static List<Object> tokens(Analyzer analyzer, String text) throws IOException {
        List<Object> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("all", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(), length.getPositionLength(),
                        offset.startOffset(), offset.endOffset(), type.type()));
            }
            stream.end();
            tokens.add(List.of("end", offset.endOffset(), increment.getPositionIncrement()));
        }
        return tokens;
    }
}
