package be.hulpwijzer.indexer.facet;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

import java.io.IOException;
import java.util.concurrent.Executor;

/** A searcher that scores text with the statistics of an epoch ({@link SteadyStatistics}), not its reader's own. */
public class SteadySearcher extends IndexSearcher implements SteadyStatistics.Scoring {

    private final SteadyStatistics.Epoch epoch;

    public SteadySearcher(IndexReader reader, Executor slices, SteadyStatistics.Epoch epoch) {
        super(reader, slices);
        this.epoch = epoch;
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
}
