package be.hulpwijzer.indexer.relevance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Measures of one ranked list against graded judgements. */
final class Scores {

    static final int DEPTH = 10;

    private Scores() {
    }

    /** Normalised discounted cumulative gain at {@link #DEPTH}, gains 2^grade - 1. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(DEPTH, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0), i);
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(DEPTH, ideal.size()); i++) {
            idcg += gain(ideal.get(i), i);
        }
        return idcg == 0 ? 1 : dcg / idcg;
    }

    /** The share of the judged modules in the first {@link #DEPTH} (of as many as fit there). */
    static double recall(List<String> ranked, Map<String, Integer> grades) {
        long found = ranked.stream().limit(DEPTH).filter(grades::containsKey).count();
        return grades.isEmpty() ? 1 : (double) found / Math.min(DEPTH, grades.size());
    }

    private static double gain(int grade, int position) {
        return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
    }
}
