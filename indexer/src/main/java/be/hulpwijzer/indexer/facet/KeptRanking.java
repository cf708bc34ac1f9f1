package be.hulpwijzer.indexer.facet;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.Bits;

import java.util.ArrayList;
import java.util.List;

/**
 * The best hits of one segment by one ranking, best first, in the segment's own document numbers, as ranked
 * among the hits not deleted at the time; kept with the segment's walk ({@link SegmentWalk#ranking}) for
 * the next search under the same key.
 *
 * @param ties       by score: each hit's tie value (else null)
 * @param sortValues by a sort: each hit's sort values (else null)
 * @param whole      whether that was every such hit
 */
record KeptRanking(Object key, int[] docs, float[] scores, long[] ties, Object[][] sortValues, boolean whole) {

    /** A segment's sorted top (documents numbered from the index's start, at {@code docBase}) to keep. */
    static KeptRanking sorted(Object key, TopFieldDocs top, int docBase, boolean whole) {
        int[] docs = new int[top.scoreDocs.length];
        float[] scores = new float[docs.length];
        Object[][] values = new Object[docs.length][];
        for (int i = 0; i < docs.length; i++) {
            FieldDoc doc = (FieldDoc) top.scoreDocs[i];
            docs[i] = doc.doc - docBase;
            scores[i] = doc.score;
            values[i] = doc.fields;
        }
        return new KeptRanking(key, docs, scores, null, values, whole);
    }

    /**
     * Whether the best {@code wanted} of the hits not deleted now are among these. A segment only loses
     * documents: any hit left out was beaten by every kept hit, so as long as {@code wanted} kept hits remain,
     * nothing left out can enter.
     */
    boolean serves(int wanted, Bits live) {
        if (whole) {
            return true;
        }
        int remaining = 0;
        for (int doc : docs) {
            if (live == null || live.get(doc)) {
                remaining++;
            }
        }
        return remaining >= wanted;
    }

    /** Offers the hits not deleted to a top by score. */
    void offerTo(TopByScore top, Bits live, int docBase) {
        for (int i = 0; i < docs.length; i++) {
            if (live == null || live.get(docs[i])) {
                top.offer(scores[i], ties[i], docBase + docs[i]);
            }
        }
    }

    /** The hits not deleted as a sorted top, numbered from the index's start. */
    TopFieldDocs sortedTop(Bits live, int docBase) {
        List<FieldDoc> kept = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            if (live == null || live.get(docs[i])) {
                kept.add(new FieldDoc(docBase + docs[i], scores[i], sortValues[i]));
            }
        }
        return new TopFieldDocs(new TotalHits(kept.size(), TotalHits.Relation.EQUAL_TO), kept.toArray(FieldDoc[]::new),
                null);
    }
}
