package be.hulpwijzer.indexer.facet;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;

/**
 * The best few hits by score of small searches (the engagements shown beside the modules), kept per segment
 * across reopens. A segment never gains documents and its scores stay put within an epoch of steady
 * statistics, so as long as none of its kept hits was deleted they are still its best: every other hit ranked
 * below them. Setting up the scorers of a text query costs more in each segment than scoring its few hits.
 */
public final class KeptTops {

    /** A few hits each: a few MB at most, the least recently used forgotten first. */
    private static final int MAX_KEPT = 20_000;

    private final Cache<Key, Kept> kept = Memories.bounded(MAX_KEPT);

    private record Key(Object segment, Object search) {
    }

    /** A segment's best hits, best first, numbered within the segment. */
    private record Kept(int[] docs, float[] scores) {
        static Kept of(TopDocs top, int docBase) {
            int[] docs = new int[top.scoreDocs.length];
            float[] scores = new float[docs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc - docBase;
                scores[i] = top.scoreDocs[i].score;
            }
            return new Kept(docs, scores);
        }

        boolean anyDeleted(Bits live) {
            if (live != null) {
                for (int doc : docs) {
                    if (!live.get(doc)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** New score docs (a merge of tops marks them with their shard), numbered from the index's start. */
        TopDocs top(int docBase) {
            ScoreDoc[] top = new ScoreDoc[docs.length];
            for (int i = 0; i < docs.length; i++) {
                top[i] = new ScoreDoc(docBase + docs[i], scores[i]);
            }
            return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), top);
        }
    }

    public void clear() {
        kept.invalidateAll();
    }

    /**
     * The segment's best hits of the search, by score, numbered from the index's start; the total is only a lower
     * bound.
     *
     * @param search  what decides the segment's ranking besides the segment: the query, the epoch of its
     *                statistics, the number of hits
     * @param ranking ranks the segment anew (hits numbered from the index's start)
     */
    TopDocs top(LeafReaderContext segment, Object search, IOSupplier<TopDocs> ranking) throws IOException {
        IndexReader.CacheHelper core = segment.reader().getCoreCacheHelper();
        if (core == null) {
            return ranking.get();
        }
        Key key = new Key(core.getKey(), search);
        Kept top = kept.getIfPresent(key);
        if (top == null || top.anyDeleted(segment.reader().getLiveDocs())) {
            top = Kept.of(ranking.get(), segment.docBase);
            kept.put(key, top);
        }
        return top.top(segment.docBase);
    }
}
