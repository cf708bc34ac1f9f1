package be.hulpwijzer.indexer.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A concept's coverage and its text score in one pass: the same matches, each scored the constant more. */
class PlusConstantQueryTest {

    @Test
    void matchesWhatItsQueryMatchesEachScoredTheConstantMore() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (String text : new String[]{"angst angst bij jongeren", "angst", "slapen", "angst en slapen bij baby's"}) {
                    Document doc = new Document();
                    doc.add(new TextField("all", text, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query angst = new TermQuery(new Term("all", "angst"));
                Map<Integer, Float> plain = scores(searcher.search(angst, 10));
                Map<Integer, Float> plus = scores(searcher.search(new PlusConstantQuery(angst, 100f), 10));
                assertThat(plus.keySet()).isEqualTo(plain.keySet()).hasSize(3);
                plain.forEach((doc, score) -> assertThat(plus.get(doc)).isCloseTo(score + 100f, within(0.001f)));
                assertThat(searcher.count(new PlusConstantQuery(new TermQuery(new Term("all", "niets")), 100f))).isZero();
            }
        }
    }

    private static Map<Integer, Float> scores(TopDocs top) {
        Map<Integer, Float> scores = new HashMap<>();
        for (ScoreDoc doc : top.scoreDocs) {
            scores.put(doc.doc, doc.score);
        }
        return scores;
    }
}
