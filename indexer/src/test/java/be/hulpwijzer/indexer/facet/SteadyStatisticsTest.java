package be.hulpwijzer.indexer.facet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Text scores stay the same from one reopen to the next, until the index has moved by more than a percent. */
class SteadyStatisticsTest {

    @Test
    void aDocumentKeepsItsScoreAcrossReopensWithinAnEpochAndGetsANewOneAfter() throws IOException {
        try (Directory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 1000; i++) {
                writer.addDocument(document(i, i % 10 == 0 ? "angst begeleiding" : "begeleiding"));
            }
            SteadyStatistics statistics = new SteadyStatistics();
            Query angst = new TermQuery(new Term("text", "angst"));
            DirectoryReader first = DirectoryReader.open(writer);
            SteadySearcher before = new SteadySearcher(first, null, statistics.epoch(first));
            float scoreBefore = before.search(angst, 1).scoreDocs[0].score;

            for (int i = 1000; i < 1005; i++) { // half a percent more, all of them about "angst"
                writer.addDocument(document(i, "angst"));
            }
            DirectoryReader second = DirectoryReader.open(writer);
            SteadySearcher within = new SteadySearcher(second, null, statistics.epoch(second));
            assertThat(within.epoch()).isSameAs(before.epoch());
            assertThat(score(within, angst, 0)).isEqualTo(scoreBefore);
            assertThat(score(new IndexSearcher(second), angst, 0)).as("Lucene's own statistics moved")
                    .isNotEqualTo(scoreBefore);

            for (int i = 1005; i < 1030; i++) { // three percent more
                writer.addDocument(document(i, "angst"));
            }
            DirectoryReader third = DirectoryReader.open(writer);
            SteadySearcher after = new SteadySearcher(third, null, statistics.epoch(third));
            assertThat(after.epoch()).isNotSameAs(before.epoch());
            assertThat(score(after, angst, 0)).isEqualTo(score(new IndexSearcher(third), angst, 0));
            first.close();
            second.close();
            third.close();
        }
    }

    @Test
    void aTermInMoreDocumentsThanItsFieldHadWhenTheEpochBeganStillScoresAboveZero() throws IOException {
        try (Directory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 1000; i++) {
                writer.addDocument(document(i, "begeleiding"));
            }
            SteadyStatistics statistics = new SteadyStatistics();
            DirectoryReader first = DirectoryReader.open(writer);
            SteadySearcher before = new SteadySearcher(first, null, statistics.epoch(first));
            before.search(new TermQuery(new Term("text", "anders")), 1); // fixes the field's statistics: 1000 documents
            for (int i = 1000; i < 1010; i++) {
                writer.addDocument(document(i, "begeleiding"));
            }
            DirectoryReader second = DirectoryReader.open(writer);
            SteadySearcher within = new SteadySearcher(second, null, statistics.epoch(second));
            assertThat(within.epoch()).isSameAs(before.epoch());
            // "begeleiding" is now in 1010 documents, the field had 1000 when the epoch began
            TopDocs found = within.search(new TermQuery(new Term("text", "begeleiding")), 5);
            assertThat(found.scoreDocs).isNotEmpty();
            assertThat(found.scoreDocs[0].score).isPositive();
            first.close();
            second.close();
        }
    }

    private static float score(IndexSearcher searcher, Query query, int key) throws IOException {
        for (var hit : searcher.search(query, 2000).scoreDocs) {
            if (searcher.storedFields().document(hit.doc).get("key").equals(Integer.toString(key))) {
                return hit.score;
            }
        }
        throw new AssertionError("document " + key + " not found");
    }

    private static Document document(int key, String text) {
        Document doc = new Document();
        doc.add(new StringField("key", Integer.toString(key), Field.Store.YES));
        doc.add(new TextField("text", text, Field.Store.NO));
        return doc;
    }
}
