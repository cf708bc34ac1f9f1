package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one slice of segments of a faceted search. Every document of the base query is noted; one that
 * also has a chosen value in every chosen dimension is a hit, ranked at once. When a segment is done its
 * facet values are counted: a hit counts in every dimension, a document missing exactly one chosen dimension
 * in that dimension only (the drill-sideways rule). Few documents are counted one by one from the segment's
 * value lists; many by intersecting the segment's per-value document sets with the noted documents.
 */
final class FacetedCollector {

    /** How a segment's values are counted: by the expected cost, or always one way (for tests). */
    enum Counting { CHEAPEST, ONE_BY_ONE, BY_SETS }

    private final FacetTables tables;
    private final Map<String, Set<String>> chosen;
    private final int chosenDimensions;
    private final ScoreFactor factor;
    private final TopByScore byScore;
    private final TopFieldCollector bySort;
    private final Counting counting;
    private final List<SegmentCounts> segments = new ArrayList<>();
    private long hits;

    /** Exactly one of {@code byScore} and {@code bySort}. */
    FacetedCollector(FacetTables tables, Map<String, Set<String>> chosen, ScoreFactor factor, TopByScore byScore,
                     TopFieldCollector bySort, Counting counting) {
        this.tables = tables;
        this.counting = counting;
        this.chosen = chosen;
        this.factor = factor;
        this.byScore = byScore;
        this.bySort = bySort;
        int mask = 0;
        for (String dimension : chosen.keySet()) {
            mask |= 1 << tables.dimensions().indexOf(dimension);
        }
        this.chosenDimensions = mask;
    }

    record SegmentCounts(FacetTable table, int[] counts) {
    }

    long hits() {
        return hits;
    }

    TopByScore byScore() {
        return byScore;
    }

    TopFieldCollector bySort() {
        return bySort;
    }

    List<SegmentCounts> segments() {
        return segments;
    }

    /**
     * @param scorer when ranking by score, a scorer of the base query in this segment, to score the hits that
     *               can compete
     */
    LeafCollector leaf(LeafReaderContext context, Scorer scorer) throws IOException {
        FacetTable table = tables.of(context.reader());
        int[] chosenBit = table.chosenBits(tables.dimensions(), chosen);
        FixedBitSet[] masks = masks(table, chosenBit);
        FixedBitSet all = null;
        for (FixedBitSet mask : masks) {
            if (mask != null) {
                if (all == null) {
                    all = mask.clone();
                } else {
                    all.and(mask);
                }
            }
        }
        FixedBitSet inAll = all;
        FixedBitSet base = new FixedBitSet(Math.max(1, table.maxDoc()));
        ScoreFactor.Segment factors = factor.of(context.reader());
        LeafCollector sorted = bySort == null ? null : bySort.getLeafCollector(context);
        TopByScore.Leaf top = byScore == null ? null : byScore.leaf(context, factors, scorer);
        return new LeafCollector() {
            private int current = -1;

            @Override
            public void setScorer(Scorable scorable) throws IOException {
                if (sorted != null) {
                    sorted.setScorer(new Scorable() {
                        @Override
                        public float score() throws IOException {
                            return (float) (scorable.score() * (double) factors.factor(current));
                        }

                        @Override
                        public int docID() {
                            return current;
                        }
                    });
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                base.set(doc);
                if (inAll == null || inAll.get(doc)) {
                    hits++;
                    if (sorted != null) {
                        current = doc;
                        sorted.collect(doc);
                    } else {
                        top.collect(doc);
                    }
                }
            }

            @Override
            public void finish() {
                segments.add(new SegmentCounts(table, count(table, chosenBit, masks, inAll, base)));
            }
        };
    }

    /** Per dimension bit: the documents having one of its chosen values; null for dimensions without choice. */
    private FixedBitSet[] masks(FacetTable table, int[] chosenBit) {
        FixedBitSet[] masks = new FixedBitSet[Integer.SIZE];
        for (int d = 0; d < Integer.SIZE; d++) {
            if ((chosenDimensions & (1 << d)) != 0) {
                masks[d] = new FixedBitSet(Math.max(1, table.maxDoc()));
            }
        }
        for (int ord = 0; ord < chosenBit.length; ord++) {
            if (chosenBit[ord] != 0) {
                masks[Integer.numberOfTrailingZeros(chosenBit[ord])].or(table.documents(ord));
            }
        }
        return masks;
    }

    private int[] count(FacetTable table, int[] chosenBit, FixedBitSet[] masks, FixedBitSet all, FixedBitSet base) {
        int[] counts = new int[table.size()];
        int documents = base.cardinality();
        if (documents == 0) {
            return counts;
        }
        double valuesPerDocument = (double) table.ordinals().length / Math.max(1, table.maxDoc());
        int chosenCount = Integer.bitCount(chosenDimensions);
        double oneByOne = documents * (1 + valuesPerDocument);
        double bySets = (table.size() + chosenCount * chosenCount) * (base.length() / 64.0 + 1) / 4;
        if (counting == Counting.ONE_BY_ONE || (counting == Counting.CHEAPEST && oneByOne < bySets)) {
            countOneByOne(table, chosenBit, base, counts);
        } else {
            countBySets(table, masks, all, base, counts);
        }
        return counts;
    }

    private void countOneByOne(FacetTable table, int[] chosenBit, FixedBitSet base, int[] counts) {
        int[] start = table.start();
        char[] ordinals = table.ordinals();
        int[] dimension = table.dimensionBits();
        int wanted = chosenDimensions;
        int length = base.length();
        for (int doc = base.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < length ? base.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            int from = start[doc];
            int to = start[doc + 1];
            int missing = 0;
            if (wanted != 0) {
                int matched = 0;
                for (int i = from; i < to; i++) {
                    matched |= chosenBit[ordinals[i]];
                }
                missing = wanted & ~matched;
            }
            if (missing == 0) {
                for (int i = from; i < to; i++) {
                    counts[ordinals[i]]++;
                }
            } else if ((missing & (missing - 1)) == 0) {
                for (int i = from; i < to; i++) {
                    if (dimension[ordinals[i]] == missing) {
                        counts[ordinals[i]]++;
                    }
                }
            }
        }
    }

    private void countBySets(FacetTable table, FixedBitSet[] masks, FixedBitSet all, FixedBitSet base, int[] counts) {
        int[] dimension = table.dimensionBits();
        FixedBitSet hitSet = base;
        if (all != null) {
            hitSet = base.clone();
            hitSet.and(all);
        }
        for (int ord = 0; ord < counts.length; ord++) {
            if (dimension[ord] != 0 && (dimension[ord] & chosenDimensions) == 0) {
                counts[ord] = (int) FixedBitSet.intersectionCount(hitSet, table.documents(ord));
            }
        }
        for (int d = 0; d < Integer.SIZE; d++) {
            if (masks[d] == null) {
                continue;
            }
            FixedBitSet others = base.clone();
            for (int o = 0; o < Integer.SIZE; o++) {
                if (o != d && masks[o] != null) {
                    others.and(masks[o]);
                }
            }
            for (int ord = 0; ord < counts.length; ord++) {
                if (dimension[ord] == 1 << d) {
                    counts[ord] = (int) FixedBitSet.intersectionCount(others, table.documents(ord));
                }
            }
        }
    }
}
