package be.hulpwijzer.indexer.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

import java.util.List;

/**
 * A document by its segment and its number there: what a segment holds never changes (an updated module is a
 * new document), so what is read from or made of a document under this key stays true for as long as the
 * segment exists, across reopens.
 */
record SegmentDoc(Object segment, int doc) {

    /** The key of document {@code doc} of {@code reader}; null when its segment cannot be told apart. */
    static SegmentDoc of(IndexReader reader, int doc) {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        return core == null ? null : new SegmentDoc(core.getKey(), doc - leaf.docBase);
    }
}
