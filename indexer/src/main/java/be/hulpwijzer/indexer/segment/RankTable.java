package be.hulpwijzer.indexer.segment;

import be.hulpwijzer.indexer.document.DocumentMapper;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Arrays;

/**
 * One segment's ranking inputs per document, in memory: how soon there is room (as a factor), when that
 * was last confirmed (in minutes) and the module id (which orders equal scores). Ranking reads them for every
 * hit; 13 bytes per document.
 */
public final class RankTable {

    /** Room now; a wait up to 30 days; up to 90 days; longer; unknown or closed. */
    private static final float[] FACTORS = {1.0f, 0.7f, 0.5f, 0.3f, 0.1f};
    private static final int NEVER = Integer.MIN_VALUE;

    private final byte[] availability;
    private final int[] confirmedMinute;
    private final long[] moduleId;
    /** The groups of the last minute asked for: a new minute can only make information stale. */
    private volatile Groups groups;

    private record Groups(int sinceMinute, FixedBitSet[] sets) {
    }

    private RankTable(byte[] availability, int[] confirmedMinute, long[] moduleId) {
        this.availability = availability;
        this.confirmedMinute = confirmedMinute;
        this.moduleId = moduleId;
    }

    /** How many availability classes there are ({@link #availabilityOfClass}). */
    public static int classes() {
        return FACTORS.length;
    }

    public static float availabilityOfClass(int availabilityClass) {
        return FACTORS[availabilityClass];
    }

    /**
     * The documents per availability class and freshness: entry {@code 2 * class} the documents of that class
     * confirmed at or after the minute, {@code 2 * class + 1} the others. Kept for the last minute asked.
     */
    public FixedBitSet[] groups(int sinceMinute) {
        Groups kept = groups;
        if (kept != null && kept.sinceMinute() == sinceMinute) {
            return kept.sets();
        }
        int maxDoc = availability.length;
        FixedBitSet[] sets = new FixedBitSet[2 * FACTORS.length];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = new FixedBitSet(Math.max(1, maxDoc));
        }
        for (int doc = 0; doc < maxDoc; doc++) {
            sets[2 * availability[doc] + (confirmedMinute[doc] >= sinceMinute ? 0 : 1)].set(doc);
        }
        groups = new Groups(sinceMinute, sets);
        return sets;
    }

    public static RankTable read(LeafReader segment) throws IOException {
        int maxDoc = segment.maxDoc();
        byte[] availability = new byte[maxDoc];
        Arrays.fill(availability, (byte) (FACTORS.length - 1));
        int[] confirmed = new int[maxDoc];
        Arrays.fill(confirmed, NEVER);
        NumericDocValues wait = DocValues.getNumeric(segment, DocumentMapper.WAIT_DAYS);
        for (int doc = wait.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = wait.nextDoc()) {
            availability[doc] = availabilityClass(wait.longValue());
        }
        NumericDocValues at = DocValues.getNumeric(segment, DocumentMapper.CONFIRMED_AT);
        for (int doc = at.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = at.nextDoc()) {
            long millis = at.longValue();
            confirmed[doc] = millis <= DocumentMapper.NEVER_CONFIRMED ? NEVER : (int) (millis / 60_000);
        }
        long[] ids = new long[maxDoc];
        NumericDocValues id = DocValues.getNumeric(segment, DocumentMapper.MODULE_ID);
        for (int doc = id.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = id.nextDoc()) {
            ids[doc] = id.longValue();
        }
        return new RankTable(availability, confirmed, ids);
    }

    /** The factor for room: 1 when free now, less the longer the wait, 0.1 when unknown. */
    public static double availabilityFactor(long waitDays) {
        return FACTORS[availabilityClass(waitDays)];
    }

    private static byte availabilityClass(long waitDays) {
        if (waitDays == 0) {
            return 0;
        }
        if (waitDays <= 30) {
            return 1;
        }
        if (waitDays <= 90) {
            return 2;
        }
        return (byte) (waitDays < DocumentMapper.NO_WAIT_KNOWN - 1 ? 3 : 4);
    }

    public float availability(int doc) {
        return FACTORS[availability[doc]];
    }

    /** Whether the availability was confirmed at or after this minute (epoch minutes). */
    public boolean confirmedSince(int doc, int minute) {
        return confirmedMinute[doc] >= minute;
    }

    /** The module's id, which orders modules of equal score. */
    public long moduleId(int doc) {
        return moduleId[doc];
    }

    public long bytes() {
        return availability.length + 4L * confirmedMinute.length + 8L * moduleId.length
                + (groups == null ? 0 : availability.length * 10L / 8);
    }
}
