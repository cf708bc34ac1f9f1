package be.hulpwijzer.indexer.facet;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One segment's facet values per document, held in memory: for each document the ordinals of its values in
 * the segment's facet field (sorted), and for each ordinal its dimension and label. Read once when a segment
 * becomes searchable (segments never change), so counting a hit is a few array reads instead of a doc values
 * lookup; and per value the set of its documents, so the counts of many hits are intersections of bit sets.
 * About 2 bytes per value plus 4 bytes per document, and one bit per document per value.
 */
public final class FacetTable {

    /** Facet values are controlled vocabularies (zones, life domains, types, ...): far fewer than this. */
    static final int MAX_ORDINALS = Character.MAX_VALUE;

    private final int[] start;
    private final char[] ordinals;
    private final int[] dimensionBit;
    private final String[] labels;
    /** Per ordinal: the value's number in the whole index ({@link FacetValues}), -1 for no counted dimension. */
    private final int[] numbers;
    private final FixedBitSet[] documents;

    private FacetTable(int[] start, char[] ordinals, int[] dimensionBit, String[] labels, int[] numbers) {
        this.start = start;
        this.ordinals = ordinals;
        this.dimensionBit = dimensionBit;
        this.labels = labels;
        this.numbers = numbers;
        int maxDoc = start.length - 1;
        this.documents = new FixedBitSet[labels.length];
        for (int ord = 0; ord < labels.length; ord++) {
            documents[ord] = new FixedBitSet(maxDoc);
        }
        for (int doc = 0; doc < maxDoc; doc++) {
            for (int i = start[doc]; i < start[doc + 1]; i++) {
                documents[ordinals[i]].set(doc);
            }
        }
    }

    /**
     * Reads the facet field of a segment.
     *
     * @param dimensions the dimensions counted; value i of a dimension gets bit {@code 1 << i}
     * @param values     numbers the values for the whole index
     */
    static FacetTable read(LeafReader reader, String field, List<String> dimensions, FacetValues values)
            throws IOException {
        int maxDoc = reader.maxDoc();
        SortedSetDocValues docValues = reader.getSortedSetDocValues(field);
        if (docValues == null) {
            return new FacetTable(new int[maxDoc + 1], new char[0], new int[0], new String[0], new int[0]);
        }
        if (docValues.getValueCount() > MAX_ORDINALS) {
            throw new IllegalStateException("more than " + MAX_ORDINALS + " facet values in one segment");
        }
        int count = (int) docValues.getValueCount();
        int[] dimensionBit = new int[count];
        String[] labels = new String[count];
        int[] numbers = new int[count];
        for (int ord = 0; ord < count; ord++) {
            String[] path = FacetsConfig.stringToPath(docValues.lookupOrd(ord).utf8ToString());
            int dimension = dimensions.indexOf(path[0]);
            dimensionBit[ord] = dimension < 0 || path.length < 2 ? 0 : 1 << dimension;
            labels[ord] = path.length < 2 ? "" : path[1];
            numbers[ord] = dimensionBit[ord] == 0 ? -1 : values.number(dimension, labels[ord]);
        }
        int[] start = new int[maxDoc + 1];
        char[] ordinals = new char[Math.max(16, maxDoc * 4)];
        int size = 0;
        int next = 0;
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            while (next <= doc) {
                start[next++] = size;
            }
            int n = docValues.docValueCount();
            ordinals = ArrayUtil.grow(ordinals, size + n);
            for (int i = 0; i < n; i++) {
                ordinals[size++] = (char) docValues.nextOrd();
            }
        }
        while (next <= maxDoc) {
            start[next++] = size;
        }
        return new FacetTable(start, ArrayUtil.copyOfSubArray(ordinals, 0, size), dimensionBit, labels, numbers);
    }

    int size() {
        return labels.length;
    }

    int maxDoc() {
        return start.length - 1;
    }

    /** The documents having this value. */
    FixedBitSet documents(int ordinal) {
        return documents[ordinal];
    }

    int[] start() {
        return start;
    }

    char[] ordinals() {
        return ordinals;
    }

    /** Per ordinal: the bit of its dimension, 0 for a value of no counted dimension. */
    int[] dimensionBits() {
        return dimensionBit;
    }

    /** Per ordinal: the value's number in the whole index, -1 for a value of no counted dimension. */
    int[] numbers() {
        return numbers;
    }

    /** Per ordinal: its dimension's bit when the value is chosen in that dimension, else 0. */
    int[] chosenBits(List<String> dimensions, Map<String, Set<String>> chosen) {
        int[] bits = new int[labels.length];
        for (int ord = 0; ord < labels.length; ord++) {
            int bit = dimensionBit[ord];
            if (bit != 0 && chosen.getOrDefault(dimensions.get(Integer.numberOfTrailingZeros(bit)), Set.of())
                    .contains(labels[ord])) {
                bits[ord] = bit;
            }
        }
        return bits;
    }

    /** Heap bytes held. */
    long bytes() {
        long bits = 0;
        for (FixedBitSet set : documents) {
            bits += set.ramBytesUsed();
        }
        return 4L * start.length + 2L * ordinals.length + 8L * dimensionBit.length + 48L * labels.length + bits;
    }
}
