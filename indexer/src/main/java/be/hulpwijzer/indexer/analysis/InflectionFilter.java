package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/** Replaces diminutives and irregular plurals by their base word, see {@link Inflections}. */
final class InflectionFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Inflections inflections;

    InflectionFilter(TokenStream input, Inflections inflections) {
        super(input);
        this.inflections = inflections;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        String base = inflections.base(word);
        if (!base.equals(word)) {
            term.setEmpty().append(base);
        }
        return true;
    }
}
