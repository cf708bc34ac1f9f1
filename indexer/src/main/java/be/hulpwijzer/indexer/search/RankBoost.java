package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.segment.RankTable;
import be.hulpwijzer.indexer.segment.SegmentTables;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Puts fitting modules with room now, or a short wait, and recently confirmed information first: a factor
 * between 1 and 2 on the text score (or the only score when browsing). Computed at query time, because
 * information grows stale while no document changes (to the minute), from the segments' rank tables.
 */
final class RankBoost extends DoubleValuesSource {

    private static final long STALE_MINUTES = Duration.ofDays(30).toMinutes();
    private final SegmentTables<RankTable> tables;
    private final int freshSince;

    RankBoost(SegmentTables<RankTable> tables, Instant now) {
        this.tables = tables;
        this.freshSince = (int) (now.toEpochMilli() / 60_000 - STALE_MINUTES);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
        RankTable table = tables.of(ctx.reader());
        int since = freshSince;
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) {
                value = 1 + table.availability(doc) * (table.confirmedSince(doc, since) ? 1.0 : 0.4);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Objects.hash(freshSince);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankBoost other && other.freshSince == freshSince && other.tables == tables;
    }

    @Override
    public String toString() {
        return "rankBoost(freshSince=" + freshSince + ")";
    }
}
