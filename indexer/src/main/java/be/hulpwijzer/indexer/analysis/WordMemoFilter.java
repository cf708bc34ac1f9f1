package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gives each word what a chain of word-by-word filters makes of it (base word, compound parts, stems), from
 * memory when the word was seen before: a catalogue repeats its words endlessly, and stemming and splitting
 * each occurrence anew was most of the time of a rebuild. The chain runs once per word on that word alone;
 * its tokens are replayed at the word's place, offsets moved along. Only for chains in which each word's
 * tokens depend on that word alone (not for synonyms, which look at the next words). One memo per filter,
 * so per analysing thread; it stops growing at {@link #LIMIT} words and then runs the chain for new words.
 */
final class WordMemoFilter extends TokenFilter {

    static final int LIMIT = 100_000;

    /** One token the chain made of a word: offsets relative to the word's start. */
    private record Token(char[] term, int positionIncrement, int start, int end) {
    }

    private static final Token[] NONE = new Token[0];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final CharArrayMap<Token[]> memo = new CharArrayMap<>(1024, false);
    private final OneWord word = new OneWord();
    private final TokenStream chain;
    private final CharTermAttribute chainTerm;
    private final PositionIncrementAttribute chainIncrement;
    private final OffsetAttribute chainOffset;

    private Token[] pending = NONE;
    private int next;
    private int wordStart;
    private int wordIncrement;
    private int carried;

    /** @param chain the word-by-word filters, applied to a stream of one word */
    WordMemoFilter(TokenStream input, UnaryOperator<TokenStream> chain) {
        super(input);
        this.chain = chain.apply(word);
        this.chainTerm = this.chain.addAttribute(CharTermAttribute.class);
        this.chainIncrement = this.chain.addAttribute(PositionIncrementAttribute.class);
        this.chainOffset = this.chain.addAttribute(OffsetAttribute.class);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (next == pending.length) {
            if (!input.incrementToken()) {
                return false;
            }
            wordIncrement = carried + increment.getPositionIncrement();
            wordStart = offset.startOffset();
            pending = tokens(offset.endOffset() - wordStart);
            next = 0;
            carried = pending.length == 0 ? wordIncrement : 0; // a dropped word's position moves to the next
        }
        Token token = pending[next];
        term.copyBuffer(token.term(), 0, token.term().length);
        increment.setPositionIncrement(next == 0 ? wordIncrement + token.positionIncrement() - 1 : token.positionIncrement());
        offset.setOffset(wordStart + token.start(), wordStart + token.end());
        next++;
        return true;
    }

    /** The chain's tokens for the current word, whose text spans {@code span} characters. */
    private Token[] tokens(int span) throws IOException {
        char[] buffer = term.buffer();
        int length = term.length();
        boolean memorable = span == length; // the chain's offsets depend on the span too: keep the usual case
        if (memorable) {
            Token[] known = memo.get(buffer, 0, length);
            if (known != null) {
                return known;
            }
        }
        String text = new String(buffer, 0, length);
        Token[] made = run(text, span);
        if (memorable && memo.size() < LIMIT) {
            memo.put(text, made);
        }
        return made;
    }

    private Token[] run(String text, int span) throws IOException {
        word.set(text, span);
        List<Token> made = new ArrayList<>(4);
        chain.reset();
        while (chain.incrementToken()) {
            made.add(new Token(Arrays.copyOf(chainTerm.buffer(), chainTerm.length()),
                    chainIncrement.getPositionIncrement(), chainOffset.startOffset(), chainOffset.endOffset()));
        }
        chain.end();
        return made.toArray(NONE);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = NONE;
        next = 0;
        carried = 0;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + carried);
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            chain.close();
        }
    }

    /** A stream of one word, with offsets 0 to its span in the text. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private String text;
        private int span;
        private boolean done;

        void set(String text, int span) {
            this.text = text;
            this.span = span;
        }

        @Override
        public void reset() {
            done = false;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(text);
            increment.setPositionIncrement(1);
            offset.setOffset(0, span);
            done = true;
            return true;
        }
    }
}
