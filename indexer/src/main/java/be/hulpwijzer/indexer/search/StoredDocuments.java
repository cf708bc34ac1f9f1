package be.hulpwijzer.indexer.search;

import be.hulpwijzer.indexer.facet.Memories;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;

/**
 * The stored fields of the hits shown, remembered per segment (as Solr's document cache does): a segment never
 * changes its documents (an updated module is a new document elsewhere), and reading one document decompresses
 * its whole block of stored fields. Popular searches show the same hits again and again.
 */
final class StoredDocuments {

    /** A module's stored fields take a few kilobytes of heap: some 15 MB, the least recently used forgotten first. */
    private static final int MAX_REMEMBERED = 5_000;

    private final Cache<SegmentDoc, Document> remembered = Memories.bounded(MAX_REMEMBERED);

    /** The stored fields of these documents, in their order. */
    Document[] of(IndexReader reader, ScoreDoc[] docs) throws IOException {
        StoredFields fields = null; // one reader for the misses, which keeps its decompressed block
        Document[] stored = new Document[docs.length];
        for (int i = 0; i < docs.length; i++) {
            SegmentDoc key = SegmentDoc.of(reader, docs[i].doc);
            stored[i] = key == null ? null : remembered.getIfPresent(key);
            if (stored[i] == null) {
                if (fields == null) {
                    fields = reader.storedFields();
                }
                stored[i] = fields.document(docs[i].doc);
                if (key != null) {
                    remembered.put(key, stored[i]);
                }
            }
        }
        return stored;
    }

    void forget() {
        remembered.invalidateAll();
    }
}
