package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.facet.ScoreFactor;
import be.hulpwijzer.indexer.segment.RankTable;
import be.hulpwijzer.indexer.segment.SegmentTables;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.FixedBitSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts fitting modules with room now, or a short wait, and recently confirmed information first: a factor
 * between 1 and 2 on the text score (or the only score when browsing). Computed at query time, because
 * information grows stale while no document changes (to the minute), from the segments' rank tables.
 */
final class RankBoost implements ScoreFactor {

    private static final long STALE_MINUTES = Duration.ofDays(30).toMinutes();
    private final SegmentTables<RankTable> tables;
    private final int freshSince;

    RankBoost(SegmentTables<RankTable> tables, Instant now) {
        this.tables = tables;
        this.freshSince = (int) (now.toEpochMilli() / 60_000 - STALE_MINUTES);
    }

    @Override
    public Segment of(LeafReader segment) {
        RankTable table = tables.of(segment);
        int since = freshSince;
        return new Segment() {
            @Override
            public float factor(int doc) {
                return RankBoost.factor(table.availability(doc), table.confirmedSince(doc, since));
            }

            @Override
            public List<Level> levels() {
                FixedBitSet[] groups = table.groups(since);
                List<Level> levels = new ArrayList<>();
                for (int c = 0; c < RankTable.classes(); c++) {
                    levels.add(new Level(RankBoost.factor(RankTable.availabilityOfClass(c), true), groups[2 * c]));
                    levels.add(new Level(RankBoost.factor(RankTable.availabilityOfClass(c), false), groups[2 * c + 1]));
                }
                levels.sort(Comparator.comparingDouble(level -> -level.factor()));
                return levels;
            }
        };
    }

    private static float factor(float availability, boolean fresh) {
        return 1 + availability * (fresh ? 1f : 0.4f);
    }
}
