package be.hulpwijzer.indexer.facet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** How the search remembers what outlives one searcher: bounded by count, the least recently used out first. */
public final class Memories {

    private Memories() {
    }

    /**
     * A memory of at most {@code maximum} entries. Evictions run in the calling thread, not on the common
     * fork-join pool, whose threads the searches' own segment work competes with on two cores.
     */
    public static <K, V> Cache<K, V> bounded(int maximum) {
        return Caffeine.newBuilder().maximumSize(maximum).executor(Runnable::run).build();
    }
}
