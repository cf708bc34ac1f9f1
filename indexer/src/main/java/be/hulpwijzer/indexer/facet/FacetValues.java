package be.hulpwijzer.indexer.facet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every facet value met in any segment, numbered once for the whole index, so that the counts of all
 * segments are summed into one array instead of merged by label. Values are controlled vocabularies: the
 * numbering only grows, by the few values a new segment brings.
 */
final class FacetValues {

    /** One numbered value. */
    record Value(int dimension, String label) {
    }

    private final Map<Value, Integer> numbers = new HashMap<>();
    /** Published whole after each growth: a reader sees every value numbered before its segments were read. */
    private volatile Value[] values = new Value[0];

    /** The number of a value, given one the first time. */
    synchronized int number(int dimension, String label) {
        Value value = new Value(dimension, label);
        Integer known = numbers.get(value);
        if (known != null) {
            return known;
        }
        int number = numbers.size();
        numbers.put(value, number);
        Value[] grown = Arrays.copyOf(values, number + 1);
        grown[number] = value;
        values = grown;
        return number;
    }

    /** All values numbered so far, by number. */
    Value[] all() {
        return values;
    }
}
