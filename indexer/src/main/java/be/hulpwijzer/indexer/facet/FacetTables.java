package be.hulpwijzer.indexer.facet;

import be.hulpwijzer.indexer.segment.SegmentTables;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

import java.util.List;

/** The facet table of each segment in use. */
public final class FacetTables {

    private final List<String> dimensions;
    private final SegmentTables<FacetTable> tables;
    private final FacetValues values = new FacetValues();

    /**
     * @param field      the index field holding the facet values ({@code FacetsConfig}'s default is "$facets")
     * @param dimensions the counted dimensions, at most 31
     */
    public FacetTables(String field, List<String> dimensions) {
        if (dimensions.size() > 31) {
            throw new IllegalArgumentException("at most 31 dimensions");
        }
        this.dimensions = List.copyOf(dimensions);
        this.tables = new SegmentTables<>(segment -> FacetTable.read(segment, field, this.dimensions, values), FacetTable::bytes);
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public void warm(IndexReader reader) {
        tables.warm(reader);
    }

    FacetTable of(LeafReader segment) {
        return tables.of(segment);
    }

    /** Every value of the segments read so far, by its number in the whole index. */
    FacetValues.Value[] values() {
        return values.all();
    }

    public long bytes() {
        return tables.bytes();
    }
}
