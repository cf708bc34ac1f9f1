package be.hulpwijzer.indexer.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Why each hit of a page was found: per meaningful typed concept, the best way it matched (see {@link ConceptQueries}).
 * Each way is looked up once per segment holding hits still unexplained, its documents stepped through in order.
 */
final class MatchReasons {

    private MatchReasons() {
    }

    static List<List<SearchResult.Reason>> of(IndexSearcher searcher, ScoreDoc[] docs,
                                              List<ConceptQueries.Explained> concepts) throws IOException {
        List<List<SearchResult.Reason>> reasons = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            reasons.add(new ArrayList<>());
        }
        if (docs.length == 0) {
            return reasons;
        }
        Integer[] byDoc = new Integer[docs.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ConceptQueries.Explained concept : concepts) {
            boolean[] found = new boolean[docs.length];
            int left = docs.length;
            for (ConceptQueries.Way way : concept.ways()) {
                if (left == 0) {
                    break;
                }
                Weight weight = searcher.createWeight(searcher.rewrite(way.matches()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                LeafReaderContext leaf = null;
                DocIdSetIterator iterator = null;
                for (int i : byDoc) {
                    if (found[i]) {
                        continue;
                    }
                    LeafReaderContext at = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
                    if (at != leaf) {
                        leaf = at;
                        Scorer scorer = weight.scorer(leaf);
                        iterator = scorer == null ? null : scorer.iterator();
                    }
                    int target = docs[i].doc - leaf.docBase;
                    int current = iterator == null ? DocIdSetIterator.NO_MORE_DOCS : iterator.docID();
                    if (current < target) {
                        current = iterator.advance(target);
                    }
                    if (current == target) {
                        found[i] = true;
                        left--;
                        reasons.get(i).add(new SearchResult.Reason(concept.typed(), way.via()));
                    }
                }
            }
        }
        return reasons;
    }
}
