package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Puts fitting modules with room now, or a short wait, and recently confirmed information first: a factor
 * between 1 and 2 on the text score (or the only score when browsing). Computed at query time, because
 * information grows stale while no document changes.
 */
final class RankBoost extends DoubleValuesSource {

    private static final long STALE_MILLIS = Duration.ofDays(30).toMillis();
    private final long now;

    RankBoost(Instant now) {
        this.now = now.toEpochMilli();
    }

    static double availability(long waitDays) {
        if (waitDays == 0) {
            return 1.0;
        }
        if (waitDays <= 30) {
            return 0.7;
        }
        if (waitDays <= 90) {
            return 0.5;
        }
        return waitDays < DocumentMapper.NO_WAIT_KNOWN - 1 ? 0.3 : 0.1;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues wait = DocValues.getNumeric(ctx.reader(), DocumentMapper.WAIT_DAYS);
        NumericDocValues confirmed = DocValues.getNumeric(ctx.reader(), DocumentMapper.CONFIRMED_AT);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                double available = wait.advanceExact(doc) ? availability(wait.longValue()) : 0.1;
                boolean fresh = confirmed.advanceExact(doc) && now - confirmed.longValue() <= STALE_MILLIS;
                value = 1 + available * (fresh ? 1.0 : 0.4);
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
        return Objects.hash(now);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankBoost other && other.now == now;
    }

    @Override
    public String toString() {
        return "rankBoost(now=" + now + ")";
    }
}
