package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.IOSupplier;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The walks of large segments, kept for the next search with the same query and facet choices (Solr's filter
 * cache and Elasticsearch's request cache serve the same end). Kept per segment, not per index: a segment
 * never changes, so an update that adds a small segment or deletes a document leaves the walks of every
 * large segment valid (deletions are subtracted when a walk is read). Least recently used walks go first
 * once the walks hold more than the given heap; a closed segment's walks are dropped with it.
 */
public final class WalkMemo {

    /** Smaller segments (the recent updates) are walked every time: cheap, and they come and go. */
    public static final int MIN_DOCS = 4096;

    private record Key(IndexReader.CacheKey segment, Query query, Map<String, Set<String>> choices) {
    }

    private final long maxBytes;
    private final int minDocs;
    private final LinkedHashMap<Key, SegmentWalk> walks = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<IndexReader.CacheKey> watched = new HashSet<>();
    private long bytes;
    private long found;
    private long walked;
    private long rankingsFound;

    /**
     * @param maxBytes heap the kept walks may hold; 0 keeps none
     * @param minDocs  walks of smaller segments are not kept
     */
    public WalkMemo(long maxBytes, int minDocs) {
        this.maxBytes = maxBytes;
        this.minDocs = minDocs;
    }

    /** The kept walk of this segment for this query and choices, or a new one (kept when the segment is large). */
    SegmentWalk walk(LeafReader segment, Query query, Map<String, Set<String>> choices,
                     IOSupplier<SegmentWalk> walk)
            throws java.io.IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (maxBytes <= 0 || helper == null || segment.maxDoc() < minDocs) {
            return walk.get();
        }
        Key key = new Key(helper.getKey(), query, choices);
        synchronized (this) {
            SegmentWalk kept = walks.get(key);
            if (kept != null) {
                found++;
                return kept;
            }
        }
        SegmentWalk fresh = walk.get();
        fresh.keep();
        synchronized (this) {
            walked++;
            if (watched.add(key.segment())) {
                helper.addClosedListener(this::forget);
            }
            SegmentWalk previous = walks.put(key, fresh);
            bytes += fresh.bytes() - (previous == null ? 0 : previous.bytes());
            Iterator<SegmentWalk> oldest = walks.values().iterator();
            while (bytes > maxBytes && oldest.hasNext()) {
                bytes -= oldest.next().bytes();
                oldest.remove();
            }
        }
        return fresh;
    }

    private synchronized void forget(IndexReader.CacheKey segment) {
        watched.remove(segment);
        Iterator<Map.Entry<Key, SegmentWalk>> entries = walks.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, SegmentWalk> entry = entries.next();
            if (entry.getKey().segment() == segment) {
                bytes -= entry.getValue().bytes();
                entries.remove();
            }
        }
    }

    /** Drops every kept walk (for measuring searches never seen before). */
    public synchronized void clear() {
        walks.clear();
        bytes = 0;
    }

    /** Heap held by the kept walks. */
    public synchronized long bytes() {
        return bytes;
    }

    synchronized long found() {
        return found;
    }

    synchronized void rankingsFound(long segments) {
        rankingsFound += segments;
    }

    /** How often a segment's best hits were taken from a kept ranking. */
    synchronized long rankingsFound() {
        return rankingsFound;
    }

    /** How often a kept walk was found, and how often a large segment had to be walked. */
    public synchronized String usage() {
        return "%d walks kept (%d kB), %d found, %d walked, %d rankings found".formatted(walks.size(), bytes >> 10,
                found, walked, rankingsFound);
    }
}
