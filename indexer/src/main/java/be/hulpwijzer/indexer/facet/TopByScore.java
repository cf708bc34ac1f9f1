package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The best documents of one slice by score times factor, then by a tie field. The factor is known before
 * the score: once the queue is full, a document whose block's best possible score (Lucene's impacts, an
 * upper bound by contract, as Lucene's own skipping relies on) times its own factor stays below the lowest
 * kept score is passed over unscored; one that could at best tie is passed over when its tie value loses.
 * Many modules share a text (the same offer in many places), so ties on score are common.
 */
final class TopByScore {

    static final class Entry {
        float score;
        long tie;
        int doc;
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.<Entry>comparingDouble(e -> -e.score)
            .thenComparingLong(e -> e.tie).thenComparingInt(e -> e.doc);

    private final PriorityQueue<Entry> queue;
    private final int wanted;
    private final Ranking.TieBreak tieBreak;
    private Entry bottom;

    TopByScore(int wanted, Ranking.TieBreak tieBreak) {
        this.wanted = wanted;
        this.tieBreak = tieBreak;
        this.queue = new PriorityQueue<>(wanted) {
            @Override
            protected boolean lessThan(Entry a, Entry b) {
                return BEST_FIRST.compare(a, b) > 0;
            }
        };
    }

    /** Whether a document whose score times factor is at most this could still enter the top. */
    boolean canCompete(float best) {
        return bottom == null || best >= bottom.score;
    }

    /** Collects a hit. */
    interface Leaf {
        void collect(int doc) throws IOException;
    }

    /**
     * Collects hits. {@code scorer} matches them all (and is moved to a hit only to score it); its block-wise
     * maximum scores (from the index's impacts) bound what a document can reach before it is scored.
     */
    Leaf leaf(LeafReaderContext context, ScoreFactor.Segment factors, Scorer scorer) throws IOException {
        IntToLongFunction ties = tieBreak.of(context.reader());
        int docBase = context.docBase;
        return new Leaf() {
            private int upTo = -1;
            private float blockMax;

            @Override
            public void collect(int doc) throws IOException {
                float factor = factors.factor(doc);
                long tie = Long.MIN_VALUE;
                if (bottom != null) {
                    if (doc > upTo) {
                        upTo = scorer.advanceShallow(doc);
                        blockMax = scorer.getMaxScore(upTo);
                    }
                    float bound = (float) (blockMax * (double) factor);
                    if (bound < bottom.score) {
                        return;
                    }
                    if (bound == bottom.score) { // at best a tie on score: only a lower tie value enters
                        tie = ties.applyAsLong(doc);
                        if (tie >= bottom.tie) {
                            return;
                        }
                    }
                }
                if (scorer.docID() < doc && scorer.iterator().advance(doc) != doc) {
                    throw new IllegalStateException("the ranking scorer does not match document " + doc);
                }
                float score = (float) (scorer.score() * (double) factor);
                if (bottom != null && score < bottom.score) {
                    return; // before the tie value is read
                }
                offer(score, tie == Long.MIN_VALUE ? ties.applyAsLong(doc) : tie, docBase + doc);
            }
        };
    }

    int wanted() {
        return wanted;
    }

    /** An empty top of another size, ranked alike. */
    TopByScore sized(int size) {
        return new TopByScore(size, tieBreak);
    }

    /** Offers a document with its score (times factor) and tie value; {@code doc} counts from the index's start. */
    void offer(float score, long tie, int doc) {
        if (bottom != null && (score < bottom.score || score == bottom.score && tie >= bottom.tie)) {
            return;
        }
        Entry entry = queue.size() < wanted ? new Entry() : queue.pop();
        entry.score = score;
        entry.tie = tie;
        entry.doc = doc;
        queue.add(entry);
        if (queue.size() == wanted) {
            bottom = queue.top();
        }
    }

    /**
     * What this top of one segment holds, best first, to be kept with the segment's walk.
     *
     * @param whole whether it holds every hit of the segment
     */
    KeptRanking kept(Object key, int docBase, boolean whole) {
        List<Entry> best = new ArrayList<>(queue.size());
        for (Entry entry : queue) {
            best.add(entry);
        }
        best.sort(BEST_FIRST);
        int[] docs = new int[best.size()];
        float[] scores = new float[docs.length];
        long[] tieValues = new long[docs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = best.get(i).doc - docBase;
            scores[i] = best.get(i).score;
            tieValues[i] = best.get(i).tie;
        }
        return new KeptRanking(key, docs, scores, tieValues, null, whole);
    }

    /** The best {@code wanted} of all slices, best first. */
    static ScoreDoc[] merge(Collection<TopByScore> slices, int wanted) {
        List<Entry> all = new ArrayList<>();
        for (TopByScore slice : slices) {
            for (Entry entry : slice.queue) {
                all.add(entry);
            }
        }
        all.sort(BEST_FIRST);
        return all.stream().limit(wanted).map(e -> new ScoreDoc(e.doc, e.score)).toArray(ScoreDoc[]::new);
    }
}
