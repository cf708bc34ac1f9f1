package be.hulpwijzer.indexer.facet;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A search with facet counts in one pass over the documents: the top documents and the exact total of the
 * documents matching the base query and every chosen facet value, and per dimension the counts of its values
 * among the documents matching the base query and the choices in the other dimensions (drill sideways).
 * Replaces Lucene's {@code DrillSideways}, which walks every document of the base query alongside a scorer
 * per chosen dimension and reads facet ordinals from doc values; here they come from {@link FacetTables}.
 * Slices of segments are searched in parallel on the searcher's executor.
 */
public final class FacetedSearch {

    /** One value of a dimension and how many documents it would leave. */
    public record Count(String value, long count) {
    }

    public record Result(long total, TopDocs top, Map<String, List<Count>> facets) {
    }

    private final FacetTables tables;
    private final String field;
    private final FacetedCollector.Counting counting;

    /** @param field the index field of the facet values (drill-down terms and doc values) */
    public FacetedSearch(FacetTables tables, String field) {
        this(tables, field, FacetedCollector.Counting.CHEAPEST);
    }

    FacetedSearch(FacetTables tables, String field, FacetedCollector.Counting counting) {
        this.tables = tables;
        this.field = field;
        this.counting = counting;
    }

    public FacetTables tables() {
        return tables;
    }

    /**
     * @param base    the query without facet choices; its scores (times the ranking's factor) are the hits' scores
     * @param chosen  per dimension the chosen values (any of them); dimensions without choice left out
     * @param ranking the order of the hits
     * @param wanted  how many top documents
     * @param values  at most this many values per dimension, most frequent first
     */
    public Result search(IndexSearcher searcher, Query base, Map<String, Set<String>> chosen, Ranking ranking, int wanted,
                         int values) throws IOException {
        Map<String, Set<String>> choices = new HashMap<>();
        chosen.forEach((dimension, set) -> {
            if (!set.isEmpty()) {
                if (!tables.dimensions().contains(dimension)) {
                    throw new IllegalArgumentException("not a facet dimension: " + dimension);
                }
                choices.put(dimension, Set.copyOf(set));
            }
        });
        int size = Math.max(1, wanted);
        TopFieldCollectorManager sorted = ranking instanceof Ranking.BySort bySort
                ? new TopFieldCollectorManager(bySort.sort(), size, null, Integer.MAX_VALUE, true) : null;
        // ranked by score: the documents are walked without scores; a second scorer of the same query gives
        // Lucene's block-wise maximum scores, which tell what cannot compete, and scores only what can (it
        // never gets a minimum score, so it skips nothing Lucene would otherwise match)
        Query query = searcher.rewrite(candidates(searcher.getIndexReader(), base, choices));
        ScoreMode mode = sorted != null && ((Ranking.BySort) ranking).sort().needsScores()
                ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        Weight weight = searcher.createWeight(query, mode, 1f);
        Weight ranked = sorted == null ? searcher.createWeight(query, ScoreMode.TOP_SCORES, 1f) : null;
        List<Callable<FacetedCollector>> tasks = new ArrayList<>();
        for (IndexSearcher.LeafSlice slice : searcher.getSlices()) {
            // made here, not in the task: a collector manager is not made to be called from several threads
            FacetedCollector collector = new FacetedCollector(tables, choices, ranking.factor(),
                    sorted == null ? new TopByScore(size, ((Ranking.ByScore) ranking).ties()) : null,
                    sorted == null ? null : sorted.newCollector(), counting);
            tasks.add(() -> {
                for (LeafReaderContext leaf : slice.leaves) {
                    if (sorted == null) {
                        walk(weight.scorer(leaf), ranked.scorer(leaf), leaf, collector);
                    } else {
                        BulkScorer scorer = weight.bulkScorer(leaf);
                        if (scorer != null) {
                            LeafCollector collect = collector.leaf(leaf, null);
                            scorer.score(collect, leaf.reader().getLiveDocs());
                            collect.finish();
                        }
                    }
                }
                return collector;
            });
        }
        List<FacetedCollector> slices = searcher.getTaskExecutor().invokeAll(tasks);
        List<FacetedCollector.SegmentCounts> segments = new ArrayList<>();
        long total = 0;
        for (FacetedCollector slice : slices) {
            segments.addAll(slice.segments());
            total += slice.hits();
        }
        TopDocs top;
        if (sorted != null) {
            top = sorted.reduce(slices.stream().map(FacetedCollector::bySort).toList());
        } else {
            top = new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO),
                    TopByScore.merge(slices.stream().map(FacetedCollector::byScore).toList(), size));
        }
        return new Result(total, top, counts(segments, values));
    }

    /**
     * Passes every live document of the unscored walk to the collector, which scores only what can compete
     * with the ranking scorer (of the same query, so it matches the same documents).
     */
    private static void walk(Scorer scorer, Scorer ranker, LeafReaderContext leaf, FacetedCollector collector)
            throws IOException {
        if (scorer == null) {
            return;
        }
        LeafCollector collect = collector.leaf(leaf, ranker);
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator documents = scorer.iterator();
        for (int doc = documents.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.nextDoc()) {
            if (live == null || live.get(doc)) {
                collect.collect(doc);
            }
        }
        collect.finish();
    }

    /**
     * Only documents missing at most one chosen dimension count at all. With two or more dimensions chosen,
     * such a document has a chosen value in at least one of any two of them: the two rarest narrow the walk.
     */
    private Query candidates(IndexReader reader, Query base, Map<String, Set<String>> choices) throws IOException {
        if (choices.size() < 2) {
            return base;
        }
        List<Map.Entry<String, Long>> frequency = new ArrayList<>();
        for (Map.Entry<String, Set<String>> choice : choices.entrySet()) {
            long documents = 0;
            for (String value : choice.getValue()) {
                documents += reader.docFreq(term(choice.getKey(), value));
            }
            frequency.add(Map.entry(choice.getKey(), documents));
        }
        frequency.sort(Map.Entry.comparingByValue());
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        for (Map.Entry<String, Long> rare : frequency.subList(0, 2)) {
            for (String value : choices.get(rare.getKey())) {
                either.add(new TermQuery(term(rare.getKey(), value)), Occur.SHOULD);
            }
        }
        return new BooleanQuery.Builder().add(base, Occur.MUST).add(either.build(), Occur.FILTER).build();
    }

    private Term term(String dimension, String value) {
        return DrillDownQuery.term(field, dimension, value);
    }

    private Map<String, List<Count>> counts(List<FacetedCollector.SegmentCounts> segments, int values) {
        List<Map<String, Long>> byDimension = new ArrayList<>();
        tables.dimensions().forEach(d -> byDimension.add(new HashMap<>()));
        for (FacetedCollector.SegmentCounts segment : segments) {
            int[] bits = segment.table().dimensionBits();
            int[] counts = segment.counts();
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0 && bits[ord] != 0) {
                    byDimension.get(Integer.numberOfTrailingZeros(bits[ord]))
                            .merge(segment.table().label(ord), (long) counts[ord], Long::sum);
                }
            }
        }
        Map<String, List<Count>> result = new LinkedHashMap<>();
        for (int d = 0; d < byDimension.size(); d++) {
            result.put(tables.dimensions().get(d), byDimension.get(d).entrySet().stream()
                    .map(e -> new Count(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
                    .limit(values)
                    .toList());
        }
        return result;
    }
}
