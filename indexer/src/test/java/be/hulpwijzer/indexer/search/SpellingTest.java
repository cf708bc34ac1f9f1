package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.Vocabulary;
import be.hulpwijzer.indexer.document.DocumentMapper;
import be.hulpwijzer.indexer.facet.SteadyStatistics;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Bedoelde u ...?" offers the index's own closest word, remembered while the index stays much the same. */
class SpellingTest {

    private static final DutchAnalyzers ANALYZERS = new DutchAnalyzers(Vocabulary.withSynonyms(Map.of(
            "cgg", List.of("centrum voor geestelijke gezondheidszorg"))));

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final SteadyStatistics statistics = new SteadyStatistics();
    private final Spelling spelling = new Spelling(ANALYZERS);
    private IndexWriter writer;

    @BeforeEach
    void indexTwoHundredModules() throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(ANALYZERS.index(),
                Map.of(DocumentMapper.SPELL, ANALYZERS.spelling()))));
        for (int i = 0; i < 200; i++) {
            add("Hulp bij angst en paniek voor jongeren");
        }
    }

    @AfterEach
    void close() throws IOException {
        writer.close();
        directory.close();
    }

    @Test
    void replacesAnUnknownWordByTheClosestWordOfTheIndex() throws IOException {
        assertThat(suggest("angts jongeren")).isEqualTo("angst jongeren");
        assertThat(suggest("angst jongeren")).isNull();
        assertThat(suggest("CGG")).isNull();
    }

    @Test
    void knowsAWordTypedWithCapitalsOrAccentsAsTheIndexFoldedIt() throws IOException {
        add("Opvang in een crèche");
        assertThat(suggest("Crèche Angst")).isNull();
        assertThat(suggest("Crèche angts")).isEqualTo("crèche angst");
    }

    @Test
    void neverCorrectsADutchWordThatNoModuleUses() throws IOException {
        add("Geven en nemen");
        assertThat(suggest("geen angts")).as("geen is Dutch, angts is not").isEqualTo("geen angst");
        assertThat(suggest("zonder angst")).isNull();
    }

    @Test
    void knowsATypedCompoundWhoseEveryPartTheIndexHolds() throws IOException {
        add("Thuis begeleiding voor gezinnen");
        add("Thuisbegeleidingen");
        assertThat(suggest("thuisbegeleiding")).as("thuis and begeleiding are both known").isNull();
        assertThat(suggest("thuisbegeleidinge")).as("not all parts known: corrected as a whole")
                .isEqualTo("thuisbegeleidingen");
    }

    @Test
    void neverCorrectsAWordThatWasJustAddedToTheIndex() throws IOException {
        assertThat(suggest("angts")).isEqualTo("angst");
        add("Angts is hier een naam");
        assertThat(suggest("angts")).isNull();
    }

    @Test
    void looksAgainForCloseWordsOnceTheIndexHasMovedByMoreThanAPercent() throws IOException {
        assertThat(suggest("zwemmre")).isNull();
        add("Zwemmer");
        assertThat(suggest("zwemmre")).as("remembered while the index moved by less than a percent").isNull();
        add("Zwemmer");
        add("Zwemmer");
        assertThat(suggest("zwemmre")).isEqualTo("zwemmer");
    }

    private void add(String words) throws IOException {
        Document doc = new Document();
        doc.add(new TextField(DocumentMapper.SPELL, words, Field.Store.NO));
        writer.addDocument(doc);
    }

    private String suggest(String text) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return spelling.suggest(reader, statistics.epoch(reader), text);
        }
    }
}
