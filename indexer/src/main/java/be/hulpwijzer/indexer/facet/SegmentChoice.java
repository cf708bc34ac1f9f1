package be.hulpwijzer.indexer.facet;

import org.apache.lucene.util.FixedBitSet;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facet choices of a search read against one segment's values.
 *
 * @param chosenBit  per ordinal: its dimension's bit when the value is chosen, else 0
 * @param dimensions the bits of the dimensions with a choice
 * @param masks      per dimension bit: the documents having one of its chosen values (null without choice)
 * @param inAll      the documents with a chosen value in every chosen dimension; null without choices
 */
record SegmentChoice(int[] chosenBit, int dimensions, FixedBitSet[] masks, FixedBitSet inAll) {

    static SegmentChoice of(FacetTable table, List<String> dimensions, Map<String, Set<String>> chosen) {
        int[] chosenBit = table.chosenBits(dimensions, chosen);
        int chosenDimensions = mask(dimensions, chosen);
        FixedBitSet[] masks = new FixedBitSet[Integer.SIZE];
        for (int d = 0; d < Integer.SIZE; d++) {
            if ((chosenDimensions & (1 << d)) != 0) {
                masks[d] = new FixedBitSet(Math.max(1, table.maxDoc()));
            }
        }
        for (int ord = 0; ord < chosenBit.length; ord++) {
            if (chosenBit[ord] != 0) {
                masks[Integer.numberOfTrailingZeros(chosenBit[ord])].or(table.documents(ord));
            }
        }
        FixedBitSet all = null;
        for (FixedBitSet mask : masks) {
            if (mask != null) {
                if (all == null) {
                    all = mask.clone();
                } else {
                    all.and(mask);
                }
            }
        }
        return new SegmentChoice(chosenBit, chosenDimensions, masks, all);
    }

    private static int mask(List<String> dimensions, Map<String, Set<String>> chosen) {
        int mask = 0;
        for (String dimension : chosen.keySet()) {
            mask |= 1 << dimensions.indexOf(dimension);
        }
        return mask;
    }
}
