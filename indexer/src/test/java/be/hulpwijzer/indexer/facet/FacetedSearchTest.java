package be.hulpwijzer.indexer.facet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass faceted search against Lucene's own {@link DrillSideways} on a random index of several
 * segments with deletions: the same hits, the same total, the same counts per dimension; searched segment
 * by segment in one thread and in parallel slices alike.
 */
class FacetedSearchTest {

    private static final List<String> DIMENSIONS = List.of("zone", "domain", "type", "access", "sector", "availability");
    private static final String[][] VALUES = {{"brugge", "gent", "westhoek", "leuven", "antwerpen"},
            {"gezin", "psychisch", "school", "wonen"}, {"consult", "verblijf", "crisisopvang"}, {"rtj", "nrtj", "vrij"},
            {"cgg", "caw", "jeugdhulp"}, {"free", "waiting", "unknown"}};
    private static final Sort BY_ID = new Sort(new SortField("id", SortField.Type.LONG));

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
                Document doc = new Document();
                doc.add(new StringField("key", Integer.toString(id), Field.Store.NO));
                doc.add(new NumericDocValuesField("id", id));
                doc.add(new StringField("word", "w" + random.nextInt(3), Field.Store.NO));
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
                writer.addDocument(CONFIG.build(doc));
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

    @AfterAll
    static void close() throws IOException {
        executor.shutdown();
        reader.close();
        directory.close();
    }

    @Test
    void countsHitsAndTotalsLikeLucenesDrillSideways() throws IOException {
        assertThat(reader.leaves()).hasSizeGreaterThan(5);
        IndexSearcher oneThread = new IndexSearcher(reader);
        IndexSearcher sliced = new IndexSearcher(reader, executor) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return slices(leaves, 1, 1); // one segment per slice: every merge of slices is exercised
            }
        };
        FacetTables tables = new FacetTables(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, DIMENSIONS);
        tables.warm(reader);
        FacetedSearch faceted = new FacetedSearch(tables, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
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
            for (IndexSearcher searcher : List.of(oneThread, sliced)) {
                FacetedSearch.Result result = faceted.search(searcher, base, chosen, BY_ID, 5000, 100);
                assertThat(result.total()).as(what).isEqualTo(expected.ids.size());
                assertThat(ids(searcher, result.top().scoreDocs)).as(what).isEqualTo(expected.ids);
                for (String dimension : DIMENSIONS) {
                    Map<String, Long> counts = new HashMap<>();
                    result.facets().get(dimension).forEach(c -> counts.put(c.value(), c.count()));
                    assertThat(counts).as(dimension + " " + what).isEqualTo(expected.counts.get(dimension));
                }
            }
        }
    }

    private record Expected(List<Long> ids, Map<String, Map<String, Long>> counts) {
    }

    private static Expected drillSideways(IndexSearcher searcher, Query base, Map<String, Set<String>> chosen) throws IOException {
        DrillDownQuery query = new DrillDownQuery(CONFIG, base);
        chosen.forEach((dimension, values) -> values.forEach(value -> query.add(dimension, value)));
        DrillSideways sideways = new DrillSideways(searcher, CONFIG, new DefaultSortedSetDocValuesReaderState(reader, CONFIG));
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
