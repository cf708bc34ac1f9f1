package be.hulpwijzer.indexer.feed;

import java.util.Set;

/**
 * What changed between two watermarks: the keys to re-read. {@code overflow} means more changed than is
 * worth following one by one (a bulk load), or a table was truncated: rebuild instead.
 */
public record ChangeBatch(String fromWatermark, String toWatermark, Set<Long> modules, Set<Long> organisations,
                          Set<String> methods, Set<Long> engagements, boolean overflow) {

    public boolean isEmpty() {
        return modules.isEmpty() && organisations.isEmpty() && methods.isEmpty() && engagements.isEmpty();
    }
}
