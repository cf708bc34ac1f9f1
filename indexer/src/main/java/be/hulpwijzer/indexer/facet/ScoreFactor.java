package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReader;

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
    }
}
