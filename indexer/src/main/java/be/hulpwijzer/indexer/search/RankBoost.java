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
import java.util.stream.IntStream;

/**
 * Puts fitting modules with room now, or a short wait, and recently confirmed information first: a factor
 * between 1 and 2 on the text score (or the only score when browsing). Computed at query time, because
 * information grows stale while no document changes (to the minute), from the segments' rank tables.
 */
final class RankBoost implements ScoreFactor {

    private static final long STALE_MINUTES = Duration.ofDays(30).toMinutes();
    /** The groups of {@link RankTable#groups} by descending factor (the factors never change). */
    private static final int[] LEVEL_ORDER = IntStream.range(0, 2 * RankTable.classes()).boxed()
            .sorted(Comparator.comparingDouble(group -> -groupFactor(group, 1))).mapToInt(Integer::intValue).toArray();

    /**
     * With words, the factor is between 1 and 1.03: room now puts a module first among those matching as many of
     * the words ({@link ConceptQueries#COVERAGE}), never above one matching more of them.
     */
    static final float WITH_WORDS = 0.03f;

    private final SegmentTables<RankTable> tables;
    private final int freshSince;
    private final float strength;

    /** {@code strength}: 1 when browsing (a factor up to 2), {@link #WITH_WORDS} for a search with words. */
    RankBoost(SegmentTables<RankTable> tables, Instant now, float strength) {
        this.tables = tables;
        this.freshSince = (int) (now.toEpochMilli() / 60_000 - STALE_MINUTES);
        this.strength = strength;
    }

    private record Key(int freshSince, float strength) {
    }

    /** Boosts with equal keys give every document the same factor: the minute from which information is fresh, the strength. */
    Object key() {
        return new Key(freshSince, strength);
    }

    @Override
    public Segment of(LeafReader segment) {
        RankTable table = tables.of(segment);
        int since = freshSince;
        return new Segment() {
            @Override
            public float factor(int doc) {
                return RankBoost.factor(table.availability(doc), table.confirmedSince(doc, since), strength);
            }

            @Override
            public List<Level> levels() {
                FixedBitSet[] groups = table.groups(since);
                List<Level> levels = new ArrayList<>(LEVEL_ORDER.length);
                for (int group : LEVEL_ORDER) {
                    levels.add(new Level(groupFactor(group, strength), groups[group]));
                }
                return levels;
            }
        };
    }

    /** The factor of a group of {@link RankTable#groups}: class {@code group / 2}, fresh when even. */
    private static float groupFactor(int group, float strength) {
        return factor(RankTable.availabilityOfClass(group / 2), group % 2 == 0, strength);
    }

    private static float factor(float availability, boolean fresh, float strength) {
        return 1 + strength * availability * (fresh ? 1f : 0.4f);
    }
}
