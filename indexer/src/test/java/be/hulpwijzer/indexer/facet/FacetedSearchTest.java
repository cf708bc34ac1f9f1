package be.hulpwijzer.indexer.facet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass faceted search against Lucene's own {@link DrillSideways} on a random index of several
 * segments with deletions: the same hits, the same total, the same counts per dimension; searched segment
 * by segment in one thread and in parallel slices alike, counting one by one or by sets. Ranked by score times a per-document factor, the
 * same top documents with the same scores as a {@link FunctionScoreQuery} sorted by Lucene.
 */
class FacetedSearchTest {

    private static final List<String> DIMENSIONS = List.of("zone", "domain", "type", "access", "sector", "availability");
    private static final String[][] VALUES = {{"brugge", "gent", "westhoek", "leuven", "antwerpen"},
            {"gezin", "psychisch", "school", "wonen"}, {"consult", "verblijf", "crisisopvang"}, {"rtj", "nrtj", "vrij"},
            {"cgg", "caw", "jeugdhulp"}, {"free", "waiting", "unknown"}};
    private static final Sort BY_ID = new Sort(new SortField("id", SortField.Type.LONG));
    private static final float[] FACTORS = {1f, 1.04f, 1.28f, 1.5f, 2f};

    private static final FacetsConfig CONFIG = new FacetsConfig();
    private static Directory directory;
    private static DirectoryReader reader;
    private static ExecutorService executor;

    @BeforeAll
    static void randomIndexOfSeveralSegments() throws IOException {
        CONFIG.setMultiValued("zone", true);
        CONFIG.setMultiValued("domain", true);
        directory = new ByteBuffersDirectory();
        Random random = new Random(11);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int id = 0; id < 3000; id++) {
                writer.addDocument(CONFIG.build(document(id, random)));
                if (id % 400 == 399) {
                    writer.commit(); // a new segment
                }
                if (id % 7 == 0 && id > 0) {
                    writer.deleteDocuments(new Term("key", Integer.toString(id - 1)));
                }
            }
        }
        reader = DirectoryReader.open(directory);
        executor = Executors.newFixedThreadPool(3);
    }

    /** A random document: a word, a text, a factor, and one or more values per facet dimension (some none). */
    private static Document document(int id, Random random) {
        Document doc = new Document();
        doc.add(new StringField("key", Integer.toString(id), Field.Store.NO));
        doc.add(new NumericDocValuesField("id", id));
        doc.add(new StringField("word", "w" + random.nextInt(3), Field.Store.NO));
        doc.add(new TextField("text", String.join(" ", Collections.nCopies(1 + random.nextInt(4), "w" + random.nextInt(3)))
                + " filler".repeat(random.nextInt(6)), Field.Store.NO));
        doc.add(new FloatDocValuesField("factor", FACTORS[random.nextInt(FACTORS.length)]));
        for (int d = 0; d < DIMENSIONS.size(); d++) {
            boolean multi = d < 2;
            int n = multi ? 1 + random.nextInt(2) : 1;
            if (d == 4 && random.nextInt(10) == 0) {
                n = 0; // some documents lack a dimension
            }
            Set<String> chosen = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                chosen.add(VALUES[d][random.nextInt(VALUES[d].length)]);
            }
            for (String value : chosen) {
                doc.add(new SortedSetDocValuesFacetField(DIMENSIONS.get(d), value));
            }
        }
        return doc;
    }

    @AfterAll
    static void close() throws IOException {
        executor.shutdown();
        reader.close();
        directory.close();
    }

    @ParameterizedTest
    @EnumSource(FacetedCollector.Counting.class)
    void countsHitsAndTotalsLikeLucenesDrillSideways(FacetedCollector.Counting counting) throws IOException {
        assertThat(reader.leaves()).hasSizeGreaterThan(5);
        IndexSearcher oneThread = new IndexSearcher(reader);
        IndexSearcher sliced = sliced();
        FacetTables tables = new FacetTables(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, DIMENSIONS);
        tables.warm(reader);
        WalkMemo memo = new WalkMemo(1L << 30, 1);
        FacetedSearch faceted = new FacetedSearch(tables, FacetsConfig.DEFAULT_INDEX_FIELD_NAME, counting, memo,
                FacetedCollector.RANK_BY_LEVEL);
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            Query base = random.nextBoolean() ? new MatchAllDocsQuery() : new TermQuery(new Term("word", "w" + random.nextInt(3)));
            Map<String, Set<String>> chosen = new HashMap<>();
            for (int d = 0; d < DIMENSIONS.size(); d++) {
                if (random.nextInt(3) == 0) {
                    Set<String> values = new LinkedHashSet<>();
                    values.add(VALUES[d][random.nextInt(VALUES[d].length)]);
                    if (random.nextBoolean()) {
                        values.add(VALUES[d][random.nextInt(VALUES[d].length)]);
                    }
                    chosen.put(DIMENSIONS.get(d), values);
                }
            }
            String what = base + " " + chosen;
            Expected expected = drillSideways(oneThread, base, chosen);
            for (IndexSearcher searcher : List.of(oneThread, sliced, oneThread)) { // the second time from kept walks
                assertSameAs(expected, faceted.search(searcher, base, chosen,
                        new Ranking.BySort(BY_ID, ScoreFactor.NONE), 5000, 100), searcher, what);
            }
        }
        assertThat(memo.found()).isGreaterThan(300);
    }

    @Test
    void keptWalksStayTrueWhenDocumentsAreDeletedAfterwards() throws IOException {
        Directory changing = new ByteBuffersDirectory();
        Random random = new Random(3);
        try (IndexWriter writer = inSegments(changing, 2000, 500, random)) {
            WalkMemo memo = new WalkMemo(1L << 30, 1);
            FacetedSearch kept = keepingAll(memo);
            DirectoryReader current = DirectoryReader.open(writer);
            for (int round = 0; round < 40; round++) {
                Query base = random.nextBoolean() ? new MatchAllDocsQuery() : new TermQuery(new Term("word", "w" + random.nextInt(3)));
                Map<String, Set<String>> chosen = new HashMap<>();
                int d = random.nextInt(DIMENSIONS.size());
                chosen.put(DIMENSIONS.get(d), Set.of(VALUES[d][random.nextInt(VALUES[d].length)]));
                if (random.nextBoolean()) {
                    chosen.put("zone", Set.of(VALUES[0][random.nextInt(VALUES[0].length)]));
                }
                IndexSearcher before = new IndexSearcher(current);
                kept.search(before, base, chosen, new Ranking.BySort(BY_ID, ScoreFactor.NONE), 5000, 100); // keeps the walks
                for (int i = 0; i < 25; i++) {
                    writer.deleteDocuments(new Term("key", Integer.toString(random.nextInt(2000))));
                }
                DirectoryReader next = DirectoryReader.openIfChanged(current, writer);
                if (next != null) {
                    current.close();
                    current = next;
                }
                IndexSearcher after = new IndexSearcher(current);
                long found = memo.found();
                assertSameAs(drillSideways(after, base, chosen), kept.search(after, base, chosen,
                        new Ranking.BySort(BY_ID, ScoreFactor.NONE), 5000, 100), after, base + " " + chosen + " after deletions");
                assertThat(memo.found()).as("searched from the kept walks").isGreaterThan(found);
            }
            current.close();
        }
        changing.close();
    }

    /** The scores of a top: sorted tops carry them as their first sort value (they are sorted on score first). */
    private static List<Float> scores(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(d -> d instanceof FieldDoc sorted ? (Float) sorted.fields[0] : d.score).toList();
    }

    /**
     * A writer that never merges, having added random documents with keys 0 to {@code documents - 1}, a segment
     * per {@code perSegment} of them.
     */
    private static IndexWriter inSegments(Directory directory, int documents, int perSegment, Random random)
            throws IOException {
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE));
        for (int id = 0; id < documents; id++) {
            writer.addDocument(CONFIG.build(document(id, random)));
            if (id % perSegment == perSegment - 1) {
                writer.commit();
            }
        }
        return writer;
    }

    /** A faceted search that keeps the walks of every segment, however small. */
    private static FacetedSearch keepingAll(WalkMemo memo) {
        return new FacetedSearch(new FacetTables(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, DIMENSIONS),
                FacetsConfig.DEFAULT_INDEX_FIELD_NAME, memo);
    }

    private static void assertSameAs(Expected expected, FacetedSearch.Result result, IndexSearcher searcher, String what)
            throws IOException {
        assertThat(result.total()).as(what).isEqualTo(expected.ids.size());
        assertThat(ids(searcher, result.top().scoreDocs)).as(what).isEqualTo(expected.ids);
        for (String dimension : DIMENSIONS) {
            Map<String, Long> counts = new HashMap<>();
            result.facets().get(dimension).forEach(c -> counts.put(c.value(), c.count()));
            assertThat(counts).as(dimension + " " + what).isEqualTo(expected.counts.get(dimension));
        }
    }

    @Test
    void ranksByScoreTimesFactorLikeAFunctionScoreQuerySkippingWhatCannotCompete() throws IOException {
        IndexSearcher oneThread = new IndexSearcher(reader);
        IndexSearcher sliced = sliced();
        FacetTables tables = new FacetTables(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, DIMENSIONS);
        WalkMemo memo = new WalkMemo(1L << 30, 1);
        FacetedSearch faceted = new FacetedSearch(tables, FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                FacetedCollector.Counting.CHEAPEST, memo, 1); // by levels wherever the factor has them
        ScoreFactor plain = segment -> {
            float[] values = factors(segment);
            return doc -> values[doc];
        };
        ScoreFactor inLevels = segment -> { // ranked level by level of factor, skipping the levels that cannot compete
            float[] values = factors(segment);
            return new ScoreFactor.Segment() {
                @Override
                public float factor(int doc) {
                    return values[doc];
                }

                @Override
                public List<ScoreFactor.Level> levels() {
                    Map<Float, FixedBitSet> byFactor = new java.util.TreeMap<>(Collections.reverseOrder());
                    for (int doc = 0; doc < values.length; doc++) {
                        byFactor.computeIfAbsent(values[doc], f -> new FixedBitSet(values.length)).set(doc);
                    }
                    List<ScoreFactor.Level> levels = new ArrayList<>();
                    byFactor.forEach((f, documents) -> levels.add(new ScoreFactor.Level(f, documents)));
                    return levels;
                }
            };
        };
        Sort byScore = new Sort(SortField.FIELD_SCORE, new SortField("id", SortField.Type.LONG));
        Random random = new Random(8);
        for (int round = 0; round < 200; round++) {
            Query base = switch (random.nextInt(4)) {
                case 0 -> new MatchAllDocsQuery();
                case 1 -> new TermQuery(new Term("text", "w" + random.nextInt(3)));
                case 2 -> new BooleanQuery.Builder() // a required clause and an optional one, as text with a title
                        .add(new TermQuery(new Term("text", "w" + random.nextInt(3))), BooleanClause.Occur.MUST)
                        .add(new BoostQuery(new TermQuery(new Term("text", "filler")), 2f), BooleanClause.Occur.SHOULD).build();
                default -> new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("text", "w" + random.nextInt(3))), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term("text", "w" + random.nextInt(3))), BooleanClause.Occur.SHOULD).build();
            };
            Map<String, Set<String>> chosen = new HashMap<>();
            if (random.nextBoolean()) {
                int d = random.nextInt(DIMENSIONS.size());
                chosen.put(DIMENSIONS.get(d), Set.of(VALUES[d][random.nextInt(VALUES[d].length)]));
            }
            int wanted = 1 + random.nextInt(60);
            DrillDownQuery filtered = new DrillDownQuery(CONFIG, base);
            chosen.forEach((dimension, values) -> values.forEach(value -> filtered.add(dimension, value)));
            TopDocs expected = oneThread.search(FunctionScoreQuery.boostByValue(filtered,
                    DoubleValuesSource.fromFloatField("factor")), wanted, byScore, true);
            String keep = random.nextInt(4) == 0 ? null : "factors from doc values"; // mostly kept rankings
            boolean sorted = random.nextInt(3) == 0; // the same order as Lucene's sort on score, then id
            for (IndexSearcher searcher : List.of(oneThread, sliced, sliced)) { // the second time from kept walks
                ScoreFactor factor = random.nextBoolean() ? plain : inLevels;
                FacetedSearch.Result result = faceted.search(searcher, base, chosen, sorted
                        ? new Ranking.BySort(byScore, factor, keep)
                        : new Ranking.ByScore(factor, FacetedSearchTest::ids, keep), wanted, 100);
                String what = base + " " + chosen + " top " + wanted + (sorted ? " sorted" : "");
                assertThat(ids(searcher, result.top().scoreDocs)).as(what).isEqualTo(ids(searcher, expected.scoreDocs));
                assertThat(scores(result.top().scoreDocs)).as(what).isEqualTo(scores(expected.scoreDocs));
                assertThat(result.total()).as(what).isEqualTo(expected.totalHits.value);
            }
        }
        assertThat(memo.rankingsFound()).as("segments ranked from kept rankings").isPositive();
    }

    @Test
    void keptRankingsStayTrueWhenTheirBestHitsAreDeletedAndDocumentsAddedUnderSteadyStatistics() throws IOException {
        Directory changing = new ByteBuffersDirectory();
        Random random = new Random(5);
        try (IndexWriter writer = inSegments(changing, 4000, 1000, random)) {
            WalkMemo memo = new WalkMemo(1L << 30, 1);
            FacetedSearch kept = keepingAll(memo);
            SteadyStatistics statistics = new SteadyStatistics();
            ScoreFactor factor = segment -> {
                float[] values = factors(segment);
                return doc -> values[doc];
            };
            Sort byScore = new Sort(SortField.FIELD_SCORE, new SortField("id", SortField.Type.LONG));
            DirectoryReader current = DirectoryReader.open(writer);
            Query[] queries = {new MatchAllDocsQuery(), new TermQuery(new Term("text", "w1")), new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("text", "w0")), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("text", "w2")), BooleanClause.Occur.SHOULD).build()};
            long epochs = 0;
            long lastEpoch = -1;
            int next = 4000;
            for (int round = 0; round < 60; round++) {
                Query base = queries[round % queries.length];
                Map<String, Set<String>> chosen = round % 2 == 0 ? Map.of()
                        : Map.of("zone", Set.of(VALUES[0][random.nextInt(VALUES[0].length)]));
                int wanted = 1 + random.nextInt(50);
                boolean sorted = round % 4 < 2;
                Ranking ranking = sorted ? new Ranking.BySort(byScore, factor, "factors from doc values")
                        : new Ranking.ByScore(factor, FacetedSearchTest::ids, "factors from doc values");
                DrillDownQuery filtered = new DrillDownQuery(CONFIG, base);
                chosen.forEach((dimension, values) -> values.forEach(value -> filtered.add(dimension, value)));
                for (String pass : List.of("before", "after")) { // after: the best hits deleted, documents added
                    SteadySearcher searcher = new SteadySearcher(current, null, statistics.epoch(current));
                    if (searcher.epoch().id() != lastEpoch) {
                        epochs++;
                        lastEpoch = searcher.epoch().id();
                    }
                    TopDocs expected = searcher.search(FunctionScoreQuery.boostByValue(filtered,
                            DoubleValuesSource.fromFloatField("factor")), wanted, byScore, true);
                    FacetedSearch.Result result = kept.search(searcher, base, chosen, ranking, wanted, 100);
                    String what = "round " + round + " " + pass + ": " + base + " " + chosen + " top " + wanted
                            + (sorted ? " sorted" : "");
                    assertThat(ids(searcher, result.top().scoreDocs)).as(what).isEqualTo(ids(searcher, expected.scoreDocs));
                    assertThat(scores(result.top().scoreDocs)).as(what).isEqualTo(scores(expected.scoreDocs));
                    // delete some of the best hits: the kept rankings must give way to the next, or be ranked anew
                    List<Long> best = ids(searcher, result.top().scoreDocs);
                    for (Long id : best.subList(0, Math.min(best.size(), 1 + random.nextInt(12)))) {
                        writer.deleteDocuments(new Term("key", Long.toString(id)));
                    }
                    for (int added = 0; added < 2; added++) { // new documents change the statistics: in time, a new epoch
                        writer.addDocument(CONFIG.build(document(next++, random)));
                    }
                    DirectoryReader reopened = DirectoryReader.openIfChanged(current, writer);
                    if (reopened != null) {
                        current.close();
                        current = reopened;
                    }
                }
            }
            assertThat(memo.rankingsFound()).as("segments ranked from kept rankings after deletions").isPositive();
            assertThat(epochs).as("new epochs of statistics as documents were added").isGreaterThan(1);
            current.close();
        }
        changing.close();
    }

    private static float[] factors(LeafReader segment) {
        float[] values = new float[segment.maxDoc()];
        try {
            NumericDocValues stored = segment.getNumericDocValues("factor");
            for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
                values[doc] = Float.intBitsToFloat((int) stored.longValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static IntToLongFunction ids(LeafReader segment) {
        long[] ids = new long[segment.maxDoc()];
        try {
            NumericDocValues stored = segment.getNumericDocValues("id");
            for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
                ids[doc] = stored.longValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc -> ids[doc];
    }

    /** A searcher with one segment per parallel slice: every merge of slices is exercised. */
    private static IndexSearcher sliced() {
        return new IndexSearcher(reader, executor) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return slices(leaves, 1, 1);
            }
        };
    }

    private record Expected(List<Long> ids, Map<String, Map<String, Long>> counts) {
    }

    private static Expected drillSideways(IndexSearcher searcher, Query base, Map<String, Set<String>> chosen) throws IOException {
        DrillDownQuery query = new DrillDownQuery(CONFIG, base);
        chosen.forEach((dimension, values) -> values.forEach(value -> query.add(dimension, value)));
        DrillSideways sideways = new DrillSideways(searcher, CONFIG, new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), CONFIG));
        DrillSideways.DrillSidewaysResult result = sideways.search(query, null, null, 5000, BY_ID, false);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dimension : DIMENSIONS) {
            Map<String, Long> values = new HashMap<>();
            FacetResult top = result.facets.getTopChildren(100, dimension);
            if (top != null) {
                for (LabelAndValue value : top.labelValues) {
                    values.put(value.label, value.value.longValue());
                }
            }
            counts.put(dimension, values);
        }
        return new Expected(ids(searcher, result.hits.scoreDocs), counts);
    }

    private static List<Long> ids(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (ScoreDoc doc : docs) {
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc.doc,
                    searcher.getIndexReader().leaves()));
            var values = leaf.reader().getNumericDocValues("id");
            values.advanceExact(doc.doc - leaf.docBase);
            ids.add(values.longValue());
        }
        return ids;
    }
}
