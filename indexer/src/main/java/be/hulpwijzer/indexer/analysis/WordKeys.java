package be.hulpwijzer.indexer.analysis;

import org.tartarus.snowball.ext.DutchStemmer;

/**
 * One word, lower case and folded, as the index holds it ({@link #stem}: plural and diminutive to their base,
 * then the Snowball stem) and as its family is known ({@link #key}: the same of its dictionary form, so that
 * "spijbelt", "spijbelde" and "spijbelen" share a key).
 */
public final class WordKeys {

    private final Inflections inflections;
    private final Lemmas lemmas;
    private final ThreadLocal<DutchStemmer> stemmers = ThreadLocal.withInitial(DutchStemmer::new);

    WordKeys(Inflections inflections, Lemmas lemmas) {
        this.inflections = inflections;
        this.lemmas = lemmas;
    }

    public String stem(String word) {
        DutchStemmer stemmer = stemmers.get();
        stemmer.setCurrent(inflections.base(word));
        stemmer.stem();
        return stemmer.getCurrent();
    }

    public String key(String word) {
        return stem(lemmas.of(word).orElse(word));
    }
}
