package be.hulpwijzer.indexer.segment;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Something read once per index segment and held in memory while the segment is in use (segments never
 * change): read when a segment is merged or first opened, in the background before any search sees it, and
 * dropped when the segment is closed.
 *
 * @param <T> what is read per segment
 */
public final class SegmentTables<T> {

    /** Reads a segment's table. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(LeafReader segment) throws IOException;
    }

    private final Reader<T> reader;
    private final ToLongFunction<T> bytes;
    private final Map<IndexReader.CacheKey, T> tables = new ConcurrentHashMap<>();

    /** @param bytes the heap a table holds, for the memory report */
    public SegmentTables(Reader<T> reader, ToLongFunction<T> bytes) {
        this.reader = reader;
        this.bytes = bytes;
    }

    /** Reads the table of every segment of this reader not read yet. */
    public void warm(IndexReader index) {
        for (LeafReaderContext leaf : index.leaves()) {
            of(leaf.reader());
        }
    }

    /** The table of one segment, read now if needed. */
    public T of(LeafReader segment) {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return read(segment); // only for readers without a stable core, which index segments are not
        }
        return tables.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(tables::remove);
            return read(segment);
        });
    }

    /** Heap held by all tables. */
    public long bytes() {
        return tables.values().stream().mapToLong(bytes).sum();
    }

    private T read(LeafReader segment) {
        try {
            return reader.read(segment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
