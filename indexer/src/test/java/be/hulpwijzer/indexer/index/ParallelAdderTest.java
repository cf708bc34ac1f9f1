package be.hulpwijzer.indexer.index;

import be.hulpwijzer.indexer.analysis.DutchAnalyzers;
import be.hulpwijzer.indexer.analysis.Vocabulary;
import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelAdderTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(60) // close() must return once every document is added, however the workers finish
    void everyDocumentHandedOverIsInTheIndexWhenCloseReturns() throws Exception {
        try (SearchIndex index = SearchIndex.open(directory, new DutchAnalyzers(Vocabulary.withSynonyms(Map.of())),
                new DocumentMapper(), true)) {
            int added = 0;
            for (int round = 0; round < 1000; round++) { // a new set of workers each round: every way they can stop
                try (ParallelAdder adder = new ParallelAdder(index, 3)) {
                    for (int i = 0; i < round % 7; i++, added++) {
                        adder.add(document("d" + added));
                    }
                }
            }
            index.built();
            int total = added;
            int found = index.withSearcher(searcher -> searcher.getIndexReader().numDocs());
            assertThat(found).isEqualTo(total);
        }
    }

    @Test
    void aWorkersFailureReachesTheReader() throws Exception {
        try (SearchIndex index = SearchIndex.open(directory, new DutchAnalyzers(Vocabulary.withSynonyms(Map.of())),
                new DocumentMapper(), true)) {
            Document broken = new Document();
            broken.add(new StringField("id", "x", Field.Store.NO));
            broken.add(new org.apache.lucene.document.IntPoint("id", 1)); // one field, two schemas: refused
            assertThatThrownBy(() -> {
                try (ParallelAdder adder = new ParallelAdder(index, 2)) {
                    adder.add(document("a"));
                    adder.add(broken);
                    for (int i = 0; i < 10_000; i++) {
                        adder.add(document("b" + i));
                    }
                }
            }).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Document document(String id) {
        Document doc = new Document();
        doc.add(new StringField(DocumentMapper.ID, id, Field.Store.NO));
        return doc;
    }
}
