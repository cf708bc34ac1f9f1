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
     *
     * @param keep what the factor and the ties depend on besides the segment (the minute, say): under equal
     *             values a segment's documents rank alike, so its best hits are kept with its walk for the next
     *             search; null keeps nothing
     */
    record ByScore(ScoreFactor factor, TieBreak ties, Object keep) implements Ranking {
        public ByScore(ScoreFactor factor, TieBreak ties) {
            this(factor, ties, null);
        }
    }

    /** The value per document that breaks ties on score, per segment (read often: best held in memory). */
    @FunctionalInterface
    interface TieBreak {
        IntToLongFunction of(LeafReader segment);
    }

    /**
     * Lucene's sort, where the score (if sorted on) is score times factor.
     *
     * @param keep as for {@link ByScore}: under equal values (and the same sort) a segment's documents sort alike
     */
    record BySort(Sort sort, ScoreFactor factor, Object keep) implements Ranking {
        public BySort(Sort sort, ScoreFactor factor) {
            this(sort, factor, null);
        }
    }
}
