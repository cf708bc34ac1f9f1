package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;

/**
 * What the candidate query of a faceted search matches in one segment, deleted documents included: the
 * documents of the base query, the hits among them (a chosen value in every chosen dimension), and the facet
 * counts by the drill-sideways rule (a hit counts in every dimension, a document missing exactly one chosen
 * dimension in that dimension only). A segment never changes, only loses documents, so a walk stays true for
 * the segment and is read against its deletions of the moment ({@link #liveHits}, {@link #liveCounts}).
 */
final class SegmentWalk {

    private final FacetTable table;
    /** Of the choices walked with: per ordinal its dimension's bit when chosen, and the chosen dimensions. */
    private final int[] chosenBit;
    private final int chosenDimensions;
    private final FixedBitSet base;
    private final FixedBitSet hits;
    private final int[] counts;
    /** Whether the walk is kept between searches (only then is a ranking kept with it). */
    private volatile boolean kept;
    private volatile KeptRanking ranking;

    private SegmentWalk(FacetTable table, SegmentChoice choice, FixedBitSet base, FixedBitSet hits, int[] counts) {
        this.table = table;
        this.chosenBit = choice.chosenBit();
        this.chosenDimensions = choice.dimensions();
        this.base = base;
        this.hits = hits;
        this.counts = counts;
    }

    /** Walks every document of the query in this segment (deleted ones too). */
    static SegmentWalk of(Weight matching, LeafReaderContext leaf, FacetTable table, SegmentChoice choice,
                          FacetedCollector.Counting counting) throws IOException {
        FixedBitSet base = new FixedBitSet(Math.max(1, table.maxDoc()));
        Scorer scorer = matching.scorer(leaf);
        if (scorer != null) {
            DocIdSetIterator documents = scorer.iterator();
            for (int doc = documents.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.nextDoc()) {
                base.set(doc);
            }
        }
        FixedBitSet hits = base;
        if (choice.inAll() != null) {
            hits = base.clone();
            hits.and(choice.inAll());
        }
        return new SegmentWalk(table, choice, base, hits, count(table, choice, base, hits, counting));
    }

    /** Marks the walk as kept between searches. */
    void keep() {
        kept = true;
    }

    boolean kept() {
        return kept;
    }

    /** The kept ranking under this key, or null. */
    KeptRanking ranking(Object key) {
        KeptRanking held = ranking;
        return held != null && held.key().equals(key) ? held : null;
    }

    /** Keeps a ranking (replacing the one kept before: a new minute or new statistics make a new key). */
    void keep(KeptRanking ranking) {
        this.ranking = ranking;
    }

    /** The segment's facet values the counts refer to. */
    FacetTable table() {
        return table;
    }

    /** The hits, deleted ones included. */
    FixedBitSet hits() {
        return hits;
    }

    /**
     * The hits that are not deleted.
     *
     * @param live a copy of the segment's live documents (null without deletions): made into the result
     */
    FixedBitSet liveHits(FixedBitSet live) {
        if (live == null) {
            return hits;
        }
        live.and(hits);
        return live;
    }

    /**
     * The facet counts without the deleted documents (a copy: the walk itself stays as it was).
     *
     * @param live the segment's live documents, null without deletions
     */
    int[] liveCounts(FixedBitSet live) {
        int[] result = counts.clone();
        if (live != null) {
            long[] matched = base.getBits();
            long[] kept = live.getBits();
            for (int word = 0; word < Math.min(matched.length, kept.length); word++) {
                long deleted = matched[word] & ~kept[word];
                while (deleted != 0) {
                    countOne(table, chosenBit, chosenDimensions, word * 64 + Long.numberOfTrailingZeros(deleted),
                            result, -1);
                    deleted &= deleted - 1;
                }
            }
        }
        return result;
    }

    /** Heap held, with room for a kept ranking (at most {@code KEPT_MAX_WANTED + KEPT_MARGIN} hits of 16 bytes). */
    long bytes() {
        return base.ramBytesUsed() + (hits == base ? 0 : hits.ramBytesUsed()) + 4L * (counts.length + chosenBit.length)
                + 64 + 16L * (FacetedCollector.KEPT_MAX_WANTED + FacetedCollector.KEPT_MARGIN);
    }

    static int nextSetBit(FixedBitSet bits, int from) {
        return from < bits.length() ? bits.nextSetBit(from) : DocIdSetIterator.NO_MORE_DOCS;
    }

    private static int[] count(FacetTable table, SegmentChoice choice, FixedBitSet base, FixedBitSet hits,
                               FacetedCollector.Counting counting) {
        int[] counts = new int[table.size()];
        int documents = base.cardinality();
        if (documents == 0) {
            return counts;
        }
        double valuesPerDocument = (double) table.ordinals().length / Math.max(1, table.maxDoc());
        int chosenCount = Integer.bitCount(choice.dimensions());
        double oneByOne = documents * (1 + valuesPerDocument);
        double bySets = (table.size() + chosenCount * chosenCount) * (base.length() / 64.0 + 1) / 4;
        if (counting == FacetedCollector.Counting.ONE_BY_ONE
                || (counting == FacetedCollector.Counting.CHEAPEST && oneByOne < bySets)) {
            for (int doc = nextSetBit(base, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextSetBit(base, doc + 1)) {
                countOne(table, choice.chosenBit(), choice.dimensions(), doc, counts, 1);
            }
        } else {
            countBySets(table, choice, base, hits, counts);
        }
        return counts;
    }

    /** Adds {@code delta} to the counts one document makes, by the drill-sideways rule. */
    private static void countOne(FacetTable table, int[] chosenBit, int wanted, int doc, int[] counts, int delta) {
        int[] start = table.start();
        char[] ordinals = table.ordinals();
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
                counts[ordinals[i]] += delta;
            }
        } else if ((missing & (missing - 1)) == 0) {
            int[] dimension = table.dimensionBits();
            for (int i = from; i < to; i++) {
                if (dimension[ordinals[i]] == missing) {
                    counts[ordinals[i]] += delta;
                }
            }
        }
    }

    private static void countBySets(FacetTable table, SegmentChoice choice, FixedBitSet base, FixedBitSet hits,
                                    int[] counts) {
        int[] dimension = table.dimensionBits();
        int chosenDimensions = choice.dimensions();
        FixedBitSet[] masks = choice.masks();
        for (int ord = 0; ord < counts.length; ord++) {
            if (dimension[ord] != 0 && (dimension[ord] & chosenDimensions) == 0) {
                counts[ord] = (int) FixedBitSet.intersectionCount(hits, table.documents(ord));
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
