package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;

/**
 * Adds the parts of a compound next to it (same position), as {@link Decompounder} finds them:
 * "contextbegeleiding" is indexed as contextbegeleiding, context and begeleiding.
 */
final class CompoundCoverFilter extends CompoundWordTokenFilterBase {

    private final Decompounder decompounder;

    CompoundCoverFilter(TokenStream input, Decompounder decompounder) {
        super(input, CharArraySet.EMPTY_SET);
        this.decompounder = decompounder;
    }

    @Override
    protected void decompose() {
        String word = termAtt.toString();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return;
            }
        }
        for (Decompounder.Span span : decompounder.split(word)) {
            tokens.add(new CompoundToken(span.start(), span.length()));
        }
    }
}
