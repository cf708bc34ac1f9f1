package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The best documents of one slice by score times factor, then by a tie field. The factor is known before
 * the score: once the queue is full, a document whose segment's best possible score times its own factor
 * stays below the lowest kept score is passed over unscored. Without text every document has the same score,
 * so only documents with the top factor are looked at further.
 */
final class TopByScore {

    /** Room for rounding between a scorer's maximum and its scores, so no competitor is ever skipped. */
    private static final double MARGIN = 1e-5;

    static final class Entry {
        float score;
        long tie;
        int doc;
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.<Entry>comparingDouble(e -> -e.score)
            .thenComparingLong(e -> e.tie).thenComparingInt(e -> e.doc);

    private final PriorityQueue<Entry> queue;
    private final int wanted;
    private final String tieField;
    private Entry bottom;

    TopByScore(int wanted, String tieField) {
        this.wanted = wanted;
        this.tieField = tieField;
        this.queue = new PriorityQueue<>(wanted) {
            @Override
            protected boolean lessThan(Entry a, Entry b) {
                return BEST_FIRST.compare(a, b) > 0;
            }
        };
    }

    /** Collects a hit: the current document of {@code scorer}. */
    interface Leaf {
        void collect(int doc) throws IOException;
    }

    /** @param maxScore an upper bound of the scores in this segment (before the factor) */
    Leaf leaf(LeafReaderContext context, ScoreFactor.Segment factors, float maxScore, Scorable scorer) throws IOException {
        NumericDocValues ties = DocValues.getNumeric(context.reader(), tieField);
        int docBase = context.docBase;
        double bound = maxScore * (1 + MARGIN);
        return doc -> {
            float factor = factors.factor(doc);
            if (bottom != null && bound * factor < bottom.score) {
                return;
            }
            float score = (float) (scorer.score() * (double) factor);
            if (bottom != null && score < bottom.score) {
                return;
            }
            long tie = ties.advanceExact(doc) ? ties.longValue() : 0;
            if (bottom != null && score == bottom.score && tie >= bottom.tie) {
                return;
            }
            Entry entry = queue.size() < wanted ? new Entry() : queue.pop();
            entry.score = score;
            entry.tie = tie;
            entry.doc = docBase + doc;
            queue.add(entry);
            if (queue.size() == wanted) {
                bottom = queue.top();
            }
        };
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
