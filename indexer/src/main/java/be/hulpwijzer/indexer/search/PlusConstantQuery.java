package be.hulpwijzer.indexer.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Objects;

/**
 * A query's matches, each scored a constant more than the query scores it: what a concept's coverage is worth
 * plus its text score, from one pass over the postings (a constant-score copy beside it read them twice).
 */
final class PlusConstantQuery extends Query {

    private final Query query;
    private final float constant;

    PlusConstantQuery(Query query, float constant) {
        this.query = Objects.requireNonNull(query);
        this.constant = constant;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? super.rewrite(searcher) : new PlusConstantQuery(rewritten, constant);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = searcher.createWeight(query, scoreMode, boost);
        float added = constant * boost;
        return new FilterWeight(this, inner) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer scorer = in.scorer(context);
                return scorer == null ? null : new FilterScorer(scorer, this) {
                    @Override
                    public float score() throws IOException {
                        return in.score() + added;
                    }

                    @Override
                    public float getMaxScore(int upTo) throws IOException {
                        return in.getMaxScore(upTo) + added;
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation explained = in.explain(context, doc);
                return explained.isMatch() ? Explanation.match(explained.getValue().floatValue() + added,
                        "plus " + added + " for matching", explained) : explained;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "(" + query.toString(field) + ")+" + constant;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((PlusConstantQuery) other).query)
                && Float.compare(constant, ((PlusConstantQuery) other).constant) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), query, constant);
    }
}
