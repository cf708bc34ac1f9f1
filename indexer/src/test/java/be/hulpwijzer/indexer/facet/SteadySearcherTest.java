package be.hulpwijzer.indexer.facet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** A searcher prepares the same text once for its life, and answers as if it prepared it every time. */
class SteadySearcherTest {

    private final Directory directory = new ByteBuffersDirectory();
    private final ExecutorService slices = Executors.newFixedThreadPool(2);
    private DirectoryReader reader;
    private SteadySearcher searcher;

    @BeforeEach
    void indexInSeveralSegments() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMaxBufferedDocs(50))) {
            for (int i = 0; i < 400; i++) {
                Document doc = new Document();
                doc.add(new StringField("kind", i % 4 == 0 ? "engagement" : "module", Field.Store.NO));
                doc.add(new TextField("text", (i % 3 == 0 ? "angst " : "") + (i % 5 == 0 ? "begeleiding " : "")
                        + "hulp".repeat(1 + i % 7), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new SteadySearcher(reader, slices, new SteadyStatistics().epoch(reader), new KeptTops());
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
        slices.shutdown();
    }

    @Test
    void makesTheScoringWeightOfATextOnceAndUsesItInEveryQueryThatHoldsIt() throws IOException {
        Query text = text("angst", "begeleiding");
        Query engagements = new BooleanQuery.Builder().add(text, Occur.MUST)
                .add(new TermQuery(new Term("kind", "engagement")), Occur.FILTER).build();
        assertThat(searcher.createWeight(text("angst", "begeleiding"), ScoreMode.TOP_SCORES, 1f))
                .isSameAs(searcher.createWeight(text, ScoreMode.TOP_SCORES, 1f));
        assertThat(searcher.createWeight(text, ScoreMode.COMPLETE, 1f))
                .isNotSameAs(searcher.createWeight(text, ScoreMode.TOP_SCORES, 1f));
        assertThat(searcher.createWeight(text, ScoreMode.COMPLETE_NO_SCORES, 1f)).as("matching weights are Lucene's")
                .isNotSameAs(searcher.createWeight(text, ScoreMode.COMPLETE_NO_SCORES, 1f));
        assertThat(searcher.rewrite(engagements)).isSameAs(searcher.rewrite(engagements));
    }

    @Test
    void findsWhatAFreshSearcherFindsWithTheSameScoresEveryTime() throws IOException {
        Query[] queries = {
                text("angst"), text("angst", "begeleiding"), text("hulphulp"),
                new BooleanQuery.Builder().add(text("angst", "begeleiding"), Occur.MUST)
                        .add(new TermQuery(new Term("kind", "engagement")), Occur.FILTER).build(),
                // rewritten per segment into term queries that carry that segment's term states
                new BooleanQuery.Builder().add(text("angst"), Occur.MUST).add(new TermInSetQuery("kind",
                        List.of(new BytesRef("engagement"), new BytesRef("other"))), Occur.FILTER).build()};
        for (int round = 0; round < 3; round++) {
            for (Query query : queries) {
                SteadySearcher fresh = new SteadySearcher(reader, slices, searcher.epoch());
                assertSameTop(searcher.search(query, 10), fresh.search(query, 10));
                assertSameTop(searcher.searchInThisThread(query, 10), fresh.search(query, 10));
            }
        }
    }

    @Test
    void theKeptBestHitsOfASegmentStayItsBestAcrossDeletionsAndNewSegments() throws IOException {
        KeptTops kept = new KeptTops();
        Query query = new BooleanQuery.Builder().add(text("angst", "begeleiding"), Occur.MUST)
                .add(new TermQuery(new Term("kind", "engagement")), Occur.FILTER).build();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMaxBufferedDocs(50)
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
            DirectoryReader first = DirectoryReader.open(writer);
            TopDocs before = new SteadySearcher(first, slices, searcher.epoch(), kept).searchInThisThread(query, 5);
            assertSameTop(before, new SteadySearcher(first, slices, searcher.epoch()).search(query, 5));
            assertThat(writer.tryDeleteDocument(first, before.scoreDocs[0].doc)).isGreaterThan(0);
            assertThat(writer.tryDeleteDocument(first, before.scoreDocs[0].doc + 1)).isGreaterThan(0);
            for (int i = 0; i < 3; i++) {
                Document doc = new Document();
                doc.add(new StringField("kind", "engagement", Field.Store.NO));
                doc.add(new TextField("text", "angst begeleiding hulp", Field.Store.NO));
                writer.addDocument(doc);
            }
            DirectoryReader second = DirectoryReader.open(writer);
            for (int round = 0; round < 2; round++) {
                TopDocs after = new SteadySearcher(second, slices, searcher.epoch(), kept).searchInThisThread(query, 5);
                assertSameTop(after, new SteadySearcher(second, slices, searcher.epoch()).search(query, 5));
                assertThat(after.scoreDocs).extracting(hit -> hit.doc).doesNotContain(before.scoreDocs[0].doc);
            }
            first.close();
            second.close();
        }
    }

    @Test
    void forgetsAllAtOnceWhenFullAndRemembersAgainAfter() throws IOException {
        Query early = text("angst");
        Weight first = searcher.createWeight(early, ScoreMode.TOP_SCORES, 1f);
        for (int i = 0; i < SteadySearcher.MAX_REMEMBERED + 10; i++) {
            searcher.createWeight(new TermQuery(new Term("text", "word" + i)), ScoreMode.TOP_SCORES, 1f);
            searcher.rewrite(new TermQuery(new Term("text", "word" + i)));
        }
        assertThat(searcher.createWeight(early, ScoreMode.TOP_SCORES, 1f)).isNotSameAs(first);
        Query late = text("begeleiding");
        assertThat(searcher.createWeight(late, ScoreMode.TOP_SCORES, 1f))
                .isSameAs(searcher.createWeight(late, ScoreMode.TOP_SCORES, 1f));
        assertSameTop(searcher.search(late, 10), new SteadySearcher(reader, slices, searcher.epoch()).search(late, 10));
    }

    private static Query text(String... words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new TermQuery(new Term("text", word)), Occur.MUST);
        }
        return new BooleanQuery.Builder().add(all.build(), Occur.MUST)
                .add(new BoostQuery(new TermQuery(new Term("text", "hulp")), 2f), Occur.SHOULD).build();
    }

    private static void assertSameTop(TopDocs actual, TopDocs expected) {
        assertThat(expected.scoreDocs).isNotEmpty();
        assertThat(Arrays.stream(actual.scoreDocs).mapToInt(d -> d.doc).toArray())
                .containsExactly(Arrays.stream(expected.scoreDocs).mapToInt(d -> d.doc).toArray());
        assertThat(Arrays.stream(actual.scoreDocs).map(d -> d.score).toList())
                .isEqualTo(Arrays.stream(expected.scoreDocs).map(d -> d.score).toList());
    }
}
