package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one slice of segments of a faceted search from their walks ({@link SegmentWalk}): the hits that
 * are not deleted are counted and ranked, the facet counts read without the deleted documents.
 */
final class FacetedCollector {

    /** How a segment's values are counted: by the expected cost, or always one way (for tests). */
    enum Counting { CHEAPEST, ONE_BY_ONE, BY_SETS }

    /** Fewer hits in a segment are ranked in one pass: a scorer per level would cost more than it saves. */
    static final int RANK_BY_LEVEL = 4096;

    private final ScoreFactor factor;
    private final TopByScore byScore;
    private final TopFieldCollector bySort;
    private final List<SegmentCounts> segments = new ArrayList<>();
    private long hits;

    /** Exactly one of {@code byScore} and {@code bySort}. */
    FacetedCollector(ScoreFactor factor, TopByScore byScore, TopFieldCollector bySort) {
        this.factor = factor;
        this.byScore = byScore;
        this.bySort = bySort;
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
     * @param ranked the weight of the query that scores the hits, when the ranking needs scores (by score: its block maxima tell
     *               what cannot compete), else null
     */
    void collect(LeafReaderContext context, SegmentWalk walk, FacetTable table, SegmentChoice choice, Weight ranked)
            throws IOException {
        Bits liveDocs = context.reader().getLiveDocs();
        FixedBitSet live = liveDocs == null ? null : FixedBitSet.copyOf(liveDocs);
        segments.add(new SegmentCounts(table, walk.liveCounts(live, table, choice)));
        FixedBitSet found = walk.liveHits(live);
        long count = found.cardinality();
        hits += count;
        if (count == 0) {
            return;
        }
        ScoreFactor.Segment factors = factor.of(context.reader());
        if (byScore != null) {
            rankByScore(context, found, count, factors, ranked);
        } else {
            rankBySort(context, found, factors, ranked == null ? null : ranked.scorer(context));
        }
    }

    /**
     * With levels of factor known and many hits, the hits of the highest level are ranked first, and the levels
     * whose best possible score times factor cannot reach the top any more are not looked at: on a broad
     * search most hits are never touched. Each level is walked with a scorer of its own (a scorer only moves
     * forward), made when the level has a hit to score.
     */
    private void rankByScore(LeafReaderContext context, FixedBitSet found, long count, ScoreFactor.Segment factors,
                             Weight ranked) throws IOException {
        Scorer scorer = ranked.scorer(context);
        if (scorer == null) {
            return;
        }
        List<ScoreFactor.Level> levels = count < RANK_BY_LEVEL ? null : factors.levels();
        if (levels == null) {
            TopByScore.Leaf top = byScore.leaf(context, factors, scorer);
            for (int doc = SegmentWalk.nextSetBit(found, 0); doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = SegmentWalk.nextSetBit(found, doc + 1)) {
                top.collect(doc);
            }
            return;
        }
        scorer.advanceShallow(0);
        float best = scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
        for (ScoreFactor.Level level : levels) {
            if (!byScore.canCompete((float) (best * (double) level.factor()))) {
                return; // the levels are in descending factor: nothing further can compete either
            }
            TopByScore.Leaf top = null;
            long[] hits = found.getBits();
            long[] inLevel = level.documents().getBits();
            for (int word = 0; word < Math.min(hits.length, inLevel.length); word++) {
                long bits = hits[word] & inLevel[word];
                while (bits != 0) {
                    if (top == null) {
                        top = byScore.leaf(context, factors, scorer != null ? scorer : ranked.scorer(context));
                        scorer = null; // used: the next level needs a new one
                    }
                    top.collect(word * 64 + Long.numberOfTrailingZeros(bits));
                    bits &= bits - 1;
                }
            }
        }
    }

    private void rankBySort(LeafReaderContext context, FixedBitSet found, ScoreFactor.Segment factors, Scorer ranker)
            throws IOException {
        LeafCollector sorted = bySort.getLeafCollector(context);
        int[] current = {-1};
        if (ranker != null) {
            sorted.setScorer(new Scorable() {
                @Override
                public float score() throws IOException {
                    return (float) (ranker.score() * (double) factors.factor(current[0]));
                }

                @Override
                public int docID() {
                    return current[0];
                }
            });
        }
        for (int doc = SegmentWalk.nextSetBit(found, 0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = SegmentWalk.nextSetBit(found, doc + 1)) {
            if (ranker != null && ranker.docID() < doc && ranker.iterator().advance(doc) != doc) {
                throw new IllegalStateException("the ranking scorer does not match document " + doc);
            }
            current[0] = doc;
            sorted.collect(doc);
        }
        sorted.finish();
    }
}
