package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;

import java.util.List;

/**
 * A factor on each document's score known before the score is computed (e.g. room now and fresh
 * information), so a document whose best possible score times its factor cannot enter the top is skipped
 * without scoring it.
 */
@FunctionalInterface
public interface ScoreFactor {

    ScoreFactor NONE = segment -> doc -> 1f;

    /** The factors of one segment's documents. */
    Segment of(LeafReader segment);

    @FunctionalInterface
    interface Segment {
        float factor(int doc);

        /**
         * The segment's documents grouped by factor, highest factor first (every document in exactly one
         * level, with exactly the factor {@link #factor} gives it), so ranking can stop after the levels
         * whose best score times factor can still compete; null when not known.
         */
        default List<Level> levels() {
            return null;
        }
    }

    /** The documents whose factor is {@code factor}. */
    record Level(float factor, FixedBitSet documents) {
    }
}
