package be.hulpwijzer.indexer.facet;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search with facet counts in one pass over the documents: the top documents and the exact total of the
 * documents matching the base query and every chosen facet value, and per dimension the counts of its values
 * among the documents matching the base query and the choices in the other dimensions (drill sideways).
 * Replaces Lucene's {@code DrillSideways}, which walks every document of the base query alongside a scorer
 * per chosen dimension and reads facet ordinals from doc values; here they come from {@link FacetTables}.
 */
public final class FacetedSearch {

    /** One value of a dimension and how many documents it would leave. */
    public record Count(String value, long count) {
    }

    public record Result(long total, TopDocs top, Map<String, List<Count>> facets) {
    }

    private final FacetTables tables;
    private final String field;

    /** @param field the index field of the facet values (drill-down terms and doc values) */
    public FacetedSearch(FacetTables tables, String field) {
        this.tables = tables;
        this.field = field;
    }

    public FacetTables tables() {
        return tables;
    }

    /**
     * @param base    the query without facet choices; its scores are the hits' scores
     * @param chosen  per dimension the chosen values (any of them); dimensions without choice left out
     * @param wanted  how many top documents
     * @param values  at most this many values per dimension, most frequent first
     */
    public Result search(IndexSearcher searcher, Query base, Map<String, Set<String>> chosen, Sort sort, int wanted,
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
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE,
                true);
        // each slice of segments (searched in parallel when the searcher has an executor) has its own collector
        List<FacetedCollector> slices = searcher.search(candidates(searcher.getIndexReader(), base, choices),
                new CollectorManager<FacetedCollector, List<FacetedCollector>>() {
                    @Override
                    public FacetedCollector newCollector() throws IOException {
                        return new FacetedCollector(tables, choices, topManager.newCollector());
                    }

                    @Override
                    public List<FacetedCollector> reduce(Collection<FacetedCollector> collectors) {
                        return List.copyOf(collectors);
                    }
                });
        List<TopFieldCollector> tops = new ArrayList<>();
        List<FacetedCollector.SegmentCounts> segments = new ArrayList<>();
        long total = 0;
        for (FacetedCollector slice : slices) {
            tops.add(slice.top());
            segments.addAll(slice.segments());
            total += slice.hits();
        }
        return new Result(total, topManager.reduce(tops), counts(segments, values));
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
