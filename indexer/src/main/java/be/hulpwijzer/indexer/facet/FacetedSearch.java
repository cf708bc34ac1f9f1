package be.hulpwijzer.indexer.facet;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

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
 * A search with facet counts: the top documents and the exact total of the documents matching the base query
 * and every chosen facet value, and per dimension the counts of its values among the documents matching the
 * base query and the choices in the other dimensions (drill sideways). Replaces Lucene's {@code DrillSideways},
 * which walks every document of the base query alongside a scorer per chosen dimension and reads facet
 * ordinals from doc values; here each segment is walked once ({@link SegmentWalk}, with values from
 * {@link FacetTables}), the walks of large segments kept for the next search with the same query
 * ({@link WalkMemo}), and only the hits are ranked. Slices of segments are searched in parallel on the
 * searcher's executor.
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
    private final WalkMemo walks;
    private final int rankByLevel;

    /**
     * @param field the index field of the facet values (drill-down terms and doc values)
     * @param walks where the walks of large segments are kept between searches
     */
    public FacetedSearch(FacetTables tables, String field, WalkMemo walks) {
        this(tables, field, FacetedCollector.Counting.CHEAPEST, walks, FacetedCollector.RANK_BY_LEVEL);
    }

    /** @param rankByLevel from this many hits in a segment on, they are ranked level by level of factor */
    FacetedSearch(FacetTables tables, String field, FacetedCollector.Counting counting, WalkMemo walks, int rankByLevel) {
        this.tables = tables;
        this.field = field;
        this.counting = counting;
        this.walks = walks;
        this.rankByLevel = rankByLevel;
    }

    public WalkMemo walks() {
        return walks;
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
        return search(searcher, base, base, chosen, ranking, wanted, values);
    }

    /**
     * @param scoring the part of the base query that scores (the base query adds only filters to it): the hits
     *                are scored by it alone, without moving the filters' iterators along
     */
    public Result search(IndexSearcher searcher, Query base, Query scoring, Map<String, Set<String>> chosen,
                         Ranking ranking, int wanted, int values) throws IOException {
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
        Query query = searcher.rewrite(candidates(searcher.getIndexReader(), base, choices));
        Map<String, Set<String>> key = Map.copyOf(choices);
        // the walks match documents without scores; the ranking scores (by score: Lucene's block-wise maximum
        // scores tell what cannot compete, and only what can is scored; it never gets a minimum score, so it
        // skips nothing Lucene would otherwise match)
        Weight[] matching = new Weight[1];
        ScoreMode rankMode = sorted == null ? ScoreMode.TOP_SCORES
                : ((Ranking.BySort) ranking).sort().needsScores() ? ScoreMode.COMPLETE : null;
        Query scorer = searcher.rewrite(scoring);
        boolean alike = scorer instanceof MatchAllDocsQuery || scorer instanceof ConstantScoreQuery;
        Weight ranked = rankMode == null ? null : searcher.createWeight(scorer, rankMode, 1f);
        Object keep = keepKey(searcher, scorer, alike, ranking);
        List<Callable<FacetedCollector>> tasks = new ArrayList<>();
        for (IndexSearcher.LeafSlice slice : searcher.getSlices()) {
            // made here, not in the task: a collector manager is not made to be called from several threads
            FacetedCollector collector = new FacetedCollector(ranking.factor(), rankByLevel,
                    sorted == null ? new TopByScore(size, ((Ranking.ByScore) ranking).ties()) : null,
                    sorted == null ? null : sorted.newCollector(),
                    sorted == null ? null : () -> new TopFieldCollectorManager(((Ranking.BySort) ranking).sort(),
                            size + FacetedCollector.KEPT_MARGIN, null, Integer.MAX_VALUE, false).newCollector(),
                    size, keep);
            tasks.add(() -> {
                for (LeafReaderContext leaf : slice.leaves) {
                    SegmentWalk walk = walks.walk(leaf.reader(), query, key, () -> {
                        FacetTable table = tables.of(leaf.reader());
                        return SegmentWalk.of(matching(searcher, query, matching), leaf, table,
                                SegmentChoice.of(table, tables.dimensions(), key), counting);
                    });
                    collector.collect(leaf, walk, ranked, alike);
                }
                return collector;
            });
        }
        List<FacetedCollector> slices = searcher.getTaskExecutor().invokeAll(tasks);
        List<FacetedCollector.SegmentCounts> segments = new ArrayList<>();
        long total = 0;
        long keptRankings = 0;
        for (FacetedCollector slice : slices) {
            segments.addAll(slice.segments());
            total += slice.hits();
            keptRankings += slice.keptRankings();
        }
        walks.rankingsFound(keptRankings);
        TopDocs top;
        if (sorted != null) {
            List<TopFieldDocs> tops = new ArrayList<>();
            for (FacetedCollector slice : slices) {
                tops.addAll(slice.sortedTops());
            }
            // ties (none: every sort ends on a unique value) would go to the lower document, as in one collector
            TopFieldDocs merged = TopDocs.merge(((Ranking.BySort) ranking).sort(), size, tops.toArray(TopFieldDocs[]::new));
            top = new TopFieldDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), merged.scoreDocs, merged.fields);
        } else {
            top = new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO),
                    TopByScore.merge(slices.stream().map(FacetedCollector::byScore).toList(), size));
        }
        return new Result(total, top, counts(segments, values));
    }

    /**
     * Under what a segment's best hits are kept: the scoring query, the statistics its scores come from (none
     * when every document scores alike; else the searcher's epoch of steady statistics, or its own reader,
     * whose statistics change with every reopen; none when that is not known) and the ranking's own key. Null when the ranking has none.
     */
    private static Object keepKey(IndexSearcher searcher, Query scorer, boolean alike, Ranking ranking) {
        Object own = ranking instanceof Ranking.ByScore byScore ? byScore.keep()
                : ranking instanceof Ranking.BySort bySort && bySort.keep() != null
                ? List.of(bySort.sort(), bySort.keep()) : null;
        if (own == null) {
            return null;
        }
        boolean scored = !(ranking instanceof Ranking.BySort bySort) || bySort.sort().needsScores();
        Object statistics;
        if (alike || !scored) {
            statistics = "alike";
        } else if (searcher instanceof SteadyStatistics.Scoring steady) {
            statistics = steady.epoch().id();
        } else {
            IndexReader.CacheHelper reader = searcher.getIndexReader().getReaderCacheHelper();
            if (reader == null) {
                return null;
            }
            statistics = reader.getKey();
        }
        return List.of(scorer, statistics, own);
    }

    /** The unscored weight of the query, made once per search and only when a segment has to be walked. */
    private static Weight matching(IndexSearcher searcher, Query query, Weight[] made) throws IOException {
        synchronized (made) {
            if (made[0] == null) {
                made[0] = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            return made[0];
        }
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

    /** The counts of all segments summed by value number, then per dimension the most frequent first. */
    private Map<String, List<Count>> counts(List<FacetedCollector.SegmentCounts> segments, int values) {
        FacetValues.Value[] all = tables.values(); // read after the segments' tables: holds every number they use
        long[] sums = new long[all.length];
        for (FacetedCollector.SegmentCounts segment : segments) {
            int[] numbers = segment.table().numbers();
            int[] counts = segment.counts();
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0 && numbers[ord] >= 0) {
                    sums[numbers[ord]] += counts[ord];
                }
            }
        }
        List<List<Count>> byDimension = new ArrayList<>();
        tables.dimensions().forEach(d -> byDimension.add(new ArrayList<>()));
        for (int number = 0; number < sums.length; number++) {
            if (sums[number] > 0) {
                byDimension.get(all[number].dimension()).add(new Count(all[number].label(), sums[number]));
            }
        }
        Map<String, List<Count>> result = new LinkedHashMap<>();
        for (int d = 0; d < byDimension.size(); d++) {
            result.put(tables.dimensions().get(d), byDimension.get(d).stream()
                    .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
                    .limit(values)
                    .toList());
        }
        return result;
    }
}
