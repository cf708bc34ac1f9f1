package be.hulpwijzer.indexer.facet;

import org.apache.lucene.search.Sort;

/** How the hits of a faceted search are ordered. */
public sealed interface Ranking {

    ScoreFactor factor();

    /**
     * Score times factor, highest first; ties by the long doc value {@code tieField}, lowest first (a document
     * without it counts as 0, as in Lucene's sort). Documents that cannot enter the top are not scored.
     */
    record ByScore(ScoreFactor factor, String tieField) implements Ranking {
    }

    /** Lucene's sort, where the score (if sorted on) is score times factor. */
    record BySort(Sort sort, ScoreFactor factor) implements Ranking {
    }
}
