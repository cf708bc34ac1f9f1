package be.hulpwijzer.indexer.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prepares what someone typed for analysis: takes plurals and diminutives to their base, as indexing does, then splits compounds into their parts
 * ("thuisbegeleiding" becomes "thuis begeleiding", so it also finds the two words apart, see
 * {@link Decompounder}) and drops function words ("hulp voor jongeren" must not require "voor").
 */
public final class QueryText {

    private final Decompounder decompounder;
    private final Inflections inflections;
    private final Set<String> stopwords;
    QueryText(Decompounder decompounder, Inflections inflections, Set<String> stopwords) {
        this.decompounder = decompounder;
        this.inflections = inflections;
        this.stopwords = stopwords;
    }

    public String prepare(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            String folded = fold(word);
            if (folded.isEmpty() || stopwords.contains(folded)) {
                continue;
            }
            out.add(folded.matches("[a-z]+") ? String.join(" ", decompounder.words(inflections.base(folded))) : word);
        }
        return String.join(" ", out);
    }

    /** A plural or diminutive taken to its base, as indexing does (see {@link Inflections}). */
    public String base(String word) {
        return inflections.base(word);
    }

    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    }
}
