package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A searcher that scores text with the statistics of an epoch ({@link SteadyStatistics}), not its reader's own,
 * and remembers the scoring weights and rewritten queries it made, for as long as it lives (one reader). A
 * weight of a text query looks its terms up in every segment; the same text is searched again for the
 * engagements of the same search, and by every repeated search until the next reopen.
 */
public class SteadySearcher extends IndexSearcher implements SteadyStatistics.Scoring {

    /**
     * Per searcher (a searcher lives until the next reopen), forgotten all at once when full: a text's weight
     * holds BM25's cache and the term states of every segment, up to some 100 kB on a million modules.
     */
    static final int MAX_REMEMBERED = 256;
    /** As Lucene's own top by score: past this many hits, the total may be a lower bound. */
    private static final int TOTAL_HITS_THRESHOLD = 1_000;

    private final SteadyStatistics.Epoch epoch;
    private final KeptTops kept;
    private final Map<WeightKey, Weight> weights = new ConcurrentHashMap<>();
    private final Map<Query, Query> rewritten = new ConcurrentHashMap<>();

    private record WeightKey(Query query, ScoreMode mode, float boost) {
    }

    /** @param kept where the best hits of small searches are kept per segment; null keeps none */
    public SteadySearcher(IndexReader reader, Executor slices, SteadyStatistics.Epoch epoch, KeptTops kept) {
        super(reader, slices);
        this.epoch = epoch;
        this.kept = kept;
    }

    public SteadySearcher(IndexReader reader, Executor slices, SteadyStatistics.Epoch epoch) {
        this(reader, slices, epoch, null);
    }

    @Override
    public final SteadyStatistics.Epoch epoch() {
        return epoch;
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        return epoch.collection(field, () -> super.collectionStatistics(field));
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        return epoch.term(term, () -> super.collectionStatistics(term.field()),
                () -> super.termStatistics(term, docFreq, totalTermFreq));
    }

    /**
     * Remembers weights that score (Lucene's weights hold no state of a search). Weights that only match are
     * made anew: Lucene's query cache counts a filter's uses by the weights made for it, to decide what to cache.
     */
    @Override
    public Weight createWeight(Query query, ScoreMode scoreMode, float boost) throws IOException {
        if (!scoreMode.needsScores() || !equalityTellsAll(query)) {
            return super.createWeight(query, scoreMode, boost);
        }
        return remembered(weights, new WeightKey(query, scoreMode, boost),
                () -> super.createWeight(query, scoreMode, boost));
    }

    @Override
    public Query rewrite(Query original) throws IOException {
        if (!equalityTellsAll(original)) {
            return super.rewrite(original);
        }
        return remembered(rewritten, original, () -> super.rewrite(original));
    }

    /** The value remembered under the key, else made and remembered (all forgotten first when full). */
    private static <K, V> V remembered(Map<K, V> memo, K key, IOSupplier<V> make) throws IOException {
        V value = memo.get(key);
        if (value == null) {
            value = make.get();
            if (memo.size() >= MAX_REMEMBERED) {
                memo.clear();
            }
            memo.putIfAbsent(key, value);
        }
        return value;
    }

    /** Forgets the weights and rewritten queries made so far. */
    public void forgetWeights() {
        weights.clear();
        rewritten.clear();
    }

    /**
     * Whether queries equal to this one are the same query. A term query can carry the term's states of some
     * segments (Lucene's rewrites of a set of terms make such queries per segment), which its equality ignores.
     */
    private static boolean equalityTellsAll(Query query) {
        boolean[] tellsAll = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (leaf instanceof TermQuery term && term.getTermStates() != null) {
                    tellsAll[0] = false;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return tellsAll[0];
    }

    /**
     * The best {@code n} by score, searched in the calling thread: for searches that few documents match. Each
     * segment's best hits are kept ({@link KeptTops}) when this searcher was given somewhere to keep them. The
     * total is only a lower bound.
     */
    public TopDocs searchInThisThread(Query query, int n) throws IOException {
        Query rewritten = rewrite(query);
        Weight weight = createWeight(rewritten, ScoreMode.TOP_SCORES, 1f);
        boolean keep = kept != null && equalityTellsAll(rewritten);
        List<LeafReaderContext> segments = getIndexReader().leaves();
        TopDocs[] tops = new TopDocs[segments.size()];
        for (int i = 0; i < tops.length; i++) {
            LeafReaderContext segment = segments.get(i);
            tops[i] = keep ? kept.top(segment, List.of(rewritten, epoch.id(), n), () -> top(segment, weight, n))
                    : top(segment, weight, n);
        }
        return TopDocs.merge(n, tops); // ties on score to the lower document, as in one collector
    }

    private TopDocs top(LeafReaderContext segment, Weight weight, int n) throws IOException {
        TopScoreDocCollector collector = new TopScoreDocCollectorManager(n, null, TOTAL_HITS_THRESHOLD, false)
                .newCollector();
        search(List.of(segment), weight, collector);
        return collector.topDocs();
    }
}
