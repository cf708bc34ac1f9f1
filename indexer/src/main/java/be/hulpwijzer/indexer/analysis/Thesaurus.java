package be.hulpwijzer.indexer.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Finds the thesaurus' words and phrases in what someone typed, whatever the word forms ("spijbelt" finds the
 * group of "spijbelen") and with the words that carry no need left out ("wil niet meer naar school" finds "niet
 * naar school willen"). Matching is Lucene's {@link SynonymGraphFilter} (longest phrase first) over the words'
 * {@link WordKeys#key keys}; each phrase is known both with its light words and without them.
 */
public final class Thesaurus {

    /** Typed words {@code from} (inclusive) to {@code to} (exclusive) stand for these groups. */
    public record Match(int from, int to, List<ThesaurusGroup> groups) {
    }

    /** Light on their own, meaningful inside a phrase ("niet naar school willen"). */
    public static final Set<String> NEGATIONS = Set.of("niet", "geen", "zonder", "niets", "nooit");

    private final List<ThesaurusGroup> groups;
    private final SynonymMap map;
    private final UnaryOperator<String> key;
    private final Set<String> stopwords;
    private final Predicate<String> light;

    Thesaurus(List<ThesaurusGroup> groups, UnaryOperator<String> key, Set<String> stopwords, Predicate<String> light) {
        this.groups = List.copyOf(groups);
        this.key = key;
        this.stopwords = stopwords;
        this.light = light;
        this.map = build();
    }

    private SynonymMap build() {
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (int g = 0; g < groups.size(); g++) {
                CharsRef output = new CharsRef("g" + g);
                for (String term : groups.get(g).terms()) {
                    List<String> words = Words.of(term);
                    List<String> full = keys(words, false);
                    List<String> content = keys(words, true);
                    if (!full.isEmpty()) {
                        builder.add(joined(full), output, true);
                    }
                    // without light words only when at least two words are left, one of them no negation:
                    // "jonge moeder" must not make every "jongen" a young mother
                    if (content.size() >= 2 && !content.equals(full)
                            && content.stream().anyMatch(k -> !NEGATIONS.contains(k))) {
                        builder.add(joined(content), output, true);
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> keys(List<String> words, boolean contentOnly) {
        List<String> keys = new ArrayList<>();
        for (String word : words) {
            if (!stopwords.contains(word) && !(contentOnly && skippable(word))) {
                keys.add(key.apply(word));
            }
        }
        return keys;
    }

    /**
     * The phrases found among the typed words (folded, see {@link Words}), longest first, never overlapping:
     * first over the words without function words, then over what is left without light words either.
     */
    public List<Match> find(List<String> words) {
        List<Match> found = new ArrayList<>();
        boolean[] covered = new boolean[words.size()];
        for (boolean contentOnly : new boolean[]{false, true}) {
            List<Integer> at = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!covered[i] && !stopwords.contains(word) && !(contentOnly && skippable(word))) {
                    at.add(i);
                    keys.add(key.apply(word));
                }
            }
            for (Match match : matches(keys, at)) {
                boolean free = true;
                for (int i = match.from(); i < match.to(); i++) {
                    free &= !covered[i];
                }
                if (free) {
                    for (int i = match.from(); i < match.to(); i++) {
                        covered[i] = true;
                    }
                    found.add(match);
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return found;
    }

    /** A light word that is no negation: left out of phrases ("niet" stays: "niet naar school willen"). */
    private boolean skippable(String word) {
        return light.test(word) && !NEGATIONS.contains(word);
    }

    /** The groups' phrases in a sequence of keys; {@code at}: the word index of each key. */
    private List<Match> matches(List<String> keys, List<Integer> at) {
        List<Match> matches = new ArrayList<>();
        if (keys.isEmpty() || map.fst == null) {
            return matches;
        }
        WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(String.join(" ", keys)));
        try (TokenStream stream = new SynonymGraphFilter(tokenizer, map, false)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    ThesaurusGroup group = groups.get(Integer.parseInt(term.toString().substring(1)));
                    int from = at.get(position);
                    int to = at.get(Math.min(at.size(), position + length.getPositionLength()) - 1) + 1;
                    Match last = matches.isEmpty() ? null : matches.get(matches.size() - 1);
                    if (last != null && last.from() == from && last.to() == to) {
                        List<ThesaurusGroup> more = new ArrayList<>(last.groups());
                        more.add(group);
                        matches.set(matches.size() - 1, new Match(from, to, more));
                    } else {
                        matches.add(new Match(from, to, List.of(group)));
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    private static CharsRef joined(List<String> keys) {
        CharsRefBuilder joined = new CharsRefBuilder();
        for (String k : keys) {
            if (joined.length() > 0) {
                joined.append(SynonymMap.WORD_SEPARATOR);
            }
            joined.append(k);
        }
        return joined.get();
    }
}
