package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the hits of a query that matches the base query, and at most all but one chosen facet dimension,
 * in one pass. A document matching every chosen dimension is a hit: counted in every dimension and passed to
 * the top-documents collector. A document missing exactly one chosen dimension is counted in that dimension
 * only, so a chosen value still shows its siblings' counts (the drill-sideways rule).
 */
final class FacetedCollector implements Collector {

    private final FacetTables tables;
    private final Map<String, Set<String>> chosen;
    private final int wanted;
    private final TopFieldCollector top;
    private final List<SegmentCounts> segments = new ArrayList<>();
    private long hits;

    FacetedCollector(FacetTables tables, Map<String, Set<String>> chosen, TopFieldCollector top) {
        this.tables = tables;
        this.chosen = chosen;
        this.top = top;
        int mask = 0;
        for (String dimension : chosen.keySet()) {
            mask |= 1 << tables.dimensions().indexOf(dimension);
        }
        this.wanted = mask;
    }

    record SegmentCounts(FacetTable table, int[] counts) {
    }

    long hits() {
        return hits;
    }

    TopFieldCollector top() {
        return top;
    }

    List<SegmentCounts> segments() {
        return segments;
    }

    @Override
    public ScoreMode scoreMode() {
        return top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        FacetTable table = tables.of(context.reader());
        LeafCollector delegate = top.getLeafCollector(context);
        int[] counts = new int[table.size()];
        segments.add(new SegmentCounts(table, counts));
        int[] start = table.start();
        char[] ordinals = table.ordinals();
        int[] dimension = table.dimensionBits();
        int[] chosenBit = table.chosenBits(tables.dimensions(), chosen);
        int all = wanted;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) throws IOException {
                delegate.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                int from = start[doc];
                int to = start[doc + 1];
                int missing = 0;
                if (all != 0) {
                    int matched = 0;
                    for (int i = from; i < to; i++) {
                        matched |= chosenBit[ordinals[i]];
                    }
                    missing = all & ~matched;
                }
                if (missing == 0) {
                    for (int i = from; i < to; i++) {
                        counts[ordinals[i]]++;
                    }
                    hits++;
                    delegate.collect(doc);
                } else if ((missing & (missing - 1)) == 0) {
                    for (int i = from; i < to; i++) {
                        if (dimension[ordinals[i]] == missing) {
                            counts[ordinals[i]]++;
                        }
                    }
                }
            }
        };
    }
}
