package be.hulpwijzer.indexer.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The hits shown are read from their segments once, and an updated module always shows its new fields. */
class StoredDocumentsTest {

    @Test
    void showsTheStoredFieldsOfEachHitAndTheNewOnesOfAnUpdatedModule() throws IOException {
        StoredDocuments documents = new StoredDocuments();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(module("1", "Thuisbegeleiding"));
            writer.addDocument(module("2", "Crisisopvang"));
            try (DirectoryReader before = DirectoryReader.open(writer)) {
                assertThat(titles(documents, before, 1, 0)).containsExactly("Crisisopvang", "Thuisbegeleiding");
                assertThat(titles(documents, before, 1, 0)).containsExactly("Crisisopvang", "Thuisbegeleiding");
            }
            writer.updateDocument(new Term("id", "1"), module("1", "Thuisbegeleiding, nu ook 's avonds"));
            writer.forceMerge(1);
            try (DirectoryReader after = DirectoryReader.open(writer)) {
                assertThat(after.leaves()).hasSize(1);
                assertThat(titles(documents, after, 0, 1))
                        .containsExactlyInAnyOrder("Crisisopvang", "Thuisbegeleiding, nu ook 's avonds");
            }
        }
    }

    private static String[] titles(StoredDocuments documents, DirectoryReader reader, int... docs) throws IOException {
        ScoreDoc[] hits = Arrays.stream(docs).mapToObj(doc -> new ScoreDoc(doc, 1f)).toArray(ScoreDoc[]::new);
        return Arrays.stream(documents.of(reader, hits)).map(doc -> doc.get("title")).toArray(String[]::new);
    }

    private static Document module(String id, String title) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new StoredField("title", title));
        return doc;
    }
}
