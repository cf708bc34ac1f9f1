package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects one slice of segments of a faceted search from their walks ({@link SegmentWalk}): the hits that
 * are not deleted are counted and ranked, the facet counts read without the deleted documents.
 */
final class FacetedCollector {

    /** How a segment's values are counted: by the expected cost, or always one way (for tests). */
    enum Counting { CHEAPEST, ONE_BY_ONE, BY_SETS }

    /** Fewer hits in a segment are ranked in one pass: a scorer per level would cost more than it saves. */
    static final int RANK_BY_LEVEL = 4096;

    /** A kept ranking holds this many hits more than asked, so that deletions seldom make it too short. */
    static final int KEPT_MARGIN = 32;
    /** Deeper pages are ranked anew every time: a kept ranking stays small ({@link SegmentWalk#bytes}). */
    static final int KEPT_MAX_WANTED = 200;

    private final ScoreFactor factor;
    private final int rankByLevel;
    private final Object keep;
    private final TopByScore byScore;
    private final TopFieldCollector bySort;
    /** By a sort: a top of its own per segment, to be kept ({@code wanted + KEPT_MARGIN} hits). */
    private final Supplier<TopFieldCollector> ownSorted;
    private final int wanted;
    /** By a sort: the tops of the segments ranked from (or into) kept rankings, merged with {@code bySort} after. */
    private final List<TopFieldDocs> keptSorted = new ArrayList<>();
    private final List<SegmentCounts> segments = new ArrayList<>();
    private long hits;
    private long keptRankings;

    /**
     * Exactly one of {@code byScore} and {@code bySort}.
     *
     * @param keep under what key the segments' best hits are kept with their kept walks (the scoring query, its
     *             statistics and the ranking's own key); null keeps none
     */
    FacetedCollector(ScoreFactor factor, int rankByLevel, TopByScore byScore, TopFieldCollector bySort,
                     Supplier<TopFieldCollector> ownSorted, int wanted, Object keep) {
        this.factor = factor;
        this.rankByLevel = rankByLevel;
        this.keep = keep;
        this.byScore = byScore;
        this.bySort = bySort;
        this.ownSorted = ownSorted;
        this.wanted = wanted;
    }

    record SegmentCounts(FacetTable table, int[] counts) {
    }

    long hits() {
        return hits;
    }

    /** How many segments were ranked from a kept ranking. */
    long keptRankings() {
        return keptRankings;
    }

    TopByScore byScore() {
        return byScore;
    }

    /** By a sort: the top of the segments ranked in this slice's collector, and those of the kept rankings. */
    List<TopFieldDocs> sortedTops() throws IOException {
        List<TopFieldDocs> tops = new ArrayList<>(keptSorted);
        tops.add(bySort.topDocs());
        return tops;
    }

    List<SegmentCounts> segments() {
        return segments;
    }

    /**
     * @param ranked the weight of the query that scores the hits, when the ranking needs scores (by score: its block maxima tell
     *               what cannot compete), else null
     * @param alike  whether that query gives every document the same score
     */
    void collect(LeafReaderContext context, SegmentWalk walk, Weight ranked, boolean alike) throws IOException {
        Bits liveDocs = context.reader().getLiveDocs();
        FixedBitSet live = liveDocs == null ? null : FixedBitSet.copyOf(liveDocs);
        segments.add(new SegmentCounts(walk.table(), walk.liveCounts(live)));
        FixedBitSet found = walk.liveHits(live);
        long count = found.cardinality();
        hits += count;
        if (count == 0) {
            return;
        }
        ScoreFactor.Segment factors = factor.of(context.reader());
        if (byScore != null) {
            rankByScore(context, walk, found, count, factors, ranked, alike);
        } else {
            rankBySort(context, walk, found, count, factors, ranked);
        }
    }

    /**
     * Ranks a segment's hits by score. When the segment's walk is kept, so are its best hits under the search's
     * key: the next search with the same walk and key takes them from there, without the deleted ones, as long
     * as enough remain ({@link KeptRanking#serves}).
     */
    private void rankByScore(LeafReaderContext context, SegmentWalk walk, FixedBitSet found, long count,
                             ScoreFactor.Segment factors, Weight ranked, boolean alike) throws IOException {
        if (keep == null || !walk.kept() || byScore.wanted() > KEPT_MAX_WANTED) {
            rankInto(byScore, context, found, count, factors, ranked, alike);
            return;
        }
        Bits live = context.reader().getLiveDocs();
        KeptRanking kept = walk.ranking(keep);
        if (kept == null || !kept.serves(byScore.wanted(), live)) {
            TopByScore own = byScore.sized(byScore.wanted() + KEPT_MARGIN);
            rankInto(own, context, found, count, factors, ranked, alike);
            kept = own.kept(keep, context.docBase, count <= own.wanted());
            walk.keep(kept);
        } else {
            keptRankings++;
        }
        kept.offerTo(byScore, live, context.docBase);
    }

    /**
     * Hits that all score alike (no text) and are many are ranked level by level of factor, highest first, and
     * the levels whose factor cannot reach the top any more are never looked at: browsing ranks only what has
     * room now and fresh information. Hits with text scores are ranked in one pass in document order, each
     * passed over unscored when its block's best possible score times its factor cannot compete. (Ranking
     * text level by level, with a scorer per level told the lowest score still competitive, was tried: on the
     * generated catalogue the scores spread too widely for the levels to end early, and walking the postings
     * once per level made "thuisbegeleiding jongeren" twice as slow.)
     */
    private void rankInto(TopByScore top, LeafReaderContext context, FixedBitSet found, long count,
                          ScoreFactor.Segment factors, Weight ranked, boolean alike) throws IOException {
        Scorer scorer = ranked.scorer(context);
        if (scorer == null) {
            return;
        }
        List<ScoreFactor.Level> levels = alike && count >= rankByLevel ? factors.levels() : null;
        if (levels == null) {
            rank(top, context, factors, scorer, found.getBits(), null);
            return;
        }
        // up to the segment's last document, not beyond: past the postings' blocks Lucene answers a loose bound
        scorer.advanceShallow(0);
        float best = scorer.getMaxScore(context.reader().maxDoc() - 1);
        for (ScoreFactor.Level level : levels) {
            if (!top.canCompete((float) (best * (double) level.factor()))) {
                return; // the levels are in descending factor: nothing further can compete either
            }
            rank(top, context, factors, scorer != null ? scorer : ranked.scorer(context), found.getBits(),
                    level.documents().getBits());
            scorer = null; // used: a scorer only moves forward
        }
    }

    /** Ranks the hits in {@code hits} (and in {@code only}, unless null) in document order. */
    private static void rank(TopByScore into, LeafReaderContext context, ScoreFactor.Segment factors, Scorer scorer,
                             long[] hits, long[] only) throws IOException {
        TopByScore.Leaf top = into.leaf(context, factors, scorer);
        for (int word = 0; word < hits.length; word++) {
            long bits = only == null ? hits[word] : word < only.length ? hits[word] & only[word] : 0;
            while (bits != 0) {
                top.collect(word * 64 + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
    }

    /** Like {@link #rankByScore}, by a sort: the segment's best hits kept with a kept walk. */
    private void rankBySort(LeafReaderContext context, SegmentWalk walk, FixedBitSet found, long count,
                            ScoreFactor.Segment factors, Weight ranked) throws IOException {
        if (keep == null || !walk.kept() || wanted > KEPT_MAX_WANTED) {
            sortInto(bySort, context, found, factors, ranked == null ? null : ranked.scorer(context));
            return;
        }
        Bits live = context.reader().getLiveDocs();
        KeptRanking kept = walk.ranking(keep);
        if (kept == null || !kept.serves(wanted, live)) {
            TopFieldCollector own = ownSorted.get();
            sortInto(own, context, found, factors, ranked == null ? null : ranked.scorer(context));
            kept = KeptRanking.sorted(keep, own.topDocs(), context.docBase, count <= wanted + KEPT_MARGIN);
            walk.keep(kept);
        } else {
            keptRankings++;
        }
        keptSorted.add(kept.sortedTop(live, context.docBase));
    }

    private static void sortInto(TopFieldCollector into, LeafReaderContext context, FixedBitSet found,
                                 ScoreFactor.Segment factors, Scorer ranker) throws IOException {
        LeafCollector sorted = into.getLeafCollector(context);
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
