package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The statistics text scores are computed from (BM25's document frequencies and field lengths), held steady
 * from one reopen to the next until the index has grown or shrunk by more than a percent. Lucene computes them
 * anew for every searcher, so every update elsewhere in the index moves every score a little; held steady, a
 * segment's scores for a query stay the same across updates, and its best hits can be kept with its walk
 * ({@link SegmentWalk#ranking}). The first searcher of an epoch to ask for a field or term fixes its
 * statistics for the epoch. A searcher asks {@link #epoch} once, when it is made.
 */
public final class SteadyStatistics {

    /** A new epoch starts when the number of documents (or live documents) moved this much. */
    private static final double DRIFT = 0.01;
    /** A new epoch starts when this many terms were asked for (each query's terms are kept). */
    private static final int MAX_TERMS = 100_000;

    private static final AtomicLong EPOCHS = new AtomicLong();

    private volatile Epoch current;

    /** The epoch a searcher on this reader scores in: the current one, unless the reader drifted from it. */
    public Epoch epoch(IndexReader reader) {
        Epoch epoch = current;
        if (epoch == null || drifted(epoch.maxDoc, reader.maxDoc()) || drifted(epoch.numDocs, reader.numDocs())
                || epoch.terms.size() > MAX_TERMS) {
            epoch = new Epoch(reader.maxDoc(), reader.numDocs());
            current = epoch;
        }
        return epoch;
    }

    private static boolean drifted(int base, int now) {
        return Math.abs(now - base) > DRIFT * Math.max(base, 100);
    }

    /** A searcher that scores with steady statistics: equal epochs give a segment's documents equal scores. */
    public interface Scoring {
        Epoch epoch();
    }

    /** Statistics fixed by the first asking; a segment scores alike in the same epoch. */
    public static final class Epoch {
        private final long id = EPOCHS.incrementAndGet();
        private final int maxDoc;
        private final int numDocs;
        private final Map<String, CollectionStatistics> fields = new ConcurrentHashMap<>();
        private final Map<Term, TermStatistics> terms = new ConcurrentHashMap<>();

        private Epoch(int maxDoc, int numDocs) {
            this.maxDoc = maxDoc;
            this.numDocs = numDocs;
        }

        /** Tells epochs apart, without holding on to their statistics. */
        public long id() {
            return id;
        }

        /** The field's statistics of the epoch; null (not kept) when the field has no documents yet. */
        public CollectionStatistics collection(String field, IOSupplier<CollectionStatistics> source) throws IOException {
            CollectionStatistics kept = fields.get(field);
            if (kept != null) {
                return kept;
            }
            CollectionStatistics computed = source.get();
            return computed == null ? null : fields.computeIfAbsent(field, f -> computed);
        }

        /**
         * The term's statistics of the epoch, never beyond its field's statistics (a term first asked for after
         * the field grew could otherwise be in more documents than the field, and score below zero).
         */
        public TermStatistics term(Term term, IOSupplier<CollectionStatistics> field, IOSupplier<TermStatistics> source)
                throws IOException {
            TermStatistics kept = terms.get(term);
            if (kept != null) {
                return kept;
            }
            TermStatistics computed = source.get();
            CollectionStatistics collection = collection(term.field(), field);
            if (collection != null) {
                long docFreq = Math.min(computed.docFreq(), collection.docCount());
                long totalTermFreq = Math.max(docFreq, Math.min(computed.totalTermFreq(), collection.sumTotalTermFreq()));
                computed = new TermStatistics(computed.term(), docFreq, totalTermFreq);
            }
            TermStatistics fixed = computed;
            return terms.computeIfAbsent(term, t -> fixed);
        }
    }
}
