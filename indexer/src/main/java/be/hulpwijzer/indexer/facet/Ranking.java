package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Sort;

import java.util.function.IntToLongFunction;

/** How the hits of a faceted search are ordered. */
public sealed interface Ranking {

    ScoreFactor factor();

    /**
     * Score times factor, highest first; ties by a value per document, lowest first. Documents that cannot
     * enter the top are not scored.
     */
    record ByScore(ScoreFactor factor, TieBreak ties) implements Ranking {
    }

    /** The value per document that breaks ties on score, per segment (read often: best held in memory). */
    @FunctionalInterface
    interface TieBreak {
        IntToLongFunction of(LeafReader segment);
    }

    /** Lucene's sort, where the score (if sorted on) is score times factor. */
    record BySort(Sort sort, ScoreFactor factor) implements Ranking {
    }
}
