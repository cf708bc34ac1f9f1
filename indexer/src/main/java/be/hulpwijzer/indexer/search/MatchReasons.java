package be.hulpwijzer.indexer.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Why each hit of a page was found: per meaningful typed concept, the best way it matched (see {@link ConceptQueries}). */
final class MatchReasons {

    private MatchReasons() {
    }

    static List<List<SearchResult.Reason>> of(IndexSearcher searcher, ScoreDoc[] docs,
                                              List<ConceptQueries.Explained> concepts) throws IOException {
        List<List<SearchResult.Reason>> reasons = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            reasons.add(new ArrayList<>());
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ConceptQueries.Explained concept : concepts) {
            boolean[] found = new boolean[docs.length];
            int left = docs.length;
            for (ConceptQueries.Way way : concept.ways()) {
                if (left == 0) {
                    break;
                }
                Weight weight = searcher.createWeight(searcher.rewrite(way.matches()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                for (int i = 0; i < docs.length; i++) {
                    if (!found[i] && matches(weight, leaves, docs[i].doc)) {
                        found[i] = true;
                        left--;
                        reasons.get(i).add(new SearchResult.Reason(concept.typed(), way.via()));
                    }
                }
            }
        }
        return reasons;
    }

    private static boolean matches(Weight weight, List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Scorer scorer = weight.scorer(leaf);
        int target = doc - leaf.docBase;
        return scorer != null && scorer.iterator().advance(target) == target;
    }
}
