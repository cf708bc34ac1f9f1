package be.hulpwijzer.indexer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits a Dutch compound into the words it is made of, only when they cover it completely
 * ("contextbegeleiding" = context + begeleiding, "opvoedingsondersteuning" = opvoeding + s +
 * ondersteuning), choosing the cover with the fewest parts. Parts come from the domain's own list
 * (three letters or more) or the general OpenTaal word list (four or more). A word that is itself a
 * general word is only split into long parts or domain parts, so "kinderen" does not become
 * "kind" + "eren". Results are cached: a catalogue repeats its words endlessly.
 */
public final class Decompounder {

    /** Linking sounds between parts: gezin-s-ondersteuning, kinder-en-... */
    private static final List<String> LINKS = List.of("", "s", "e", "en");
    private static final int MIN_DOMAIN_PART = 3;
    private static final int MIN_GENERAL_PART = 4;
    private static final int MIN_PART_OF_KNOWN_WORD = 5;
    private static final int MIN_WORD = 6;
    /** Longer "words" are not Dutch compounds but pasted junk; splitting them would cost quadratic time. */
    private static final int MAX_WORD = 40;
    private static final int CACHE_LIMIT = 200_000;
    private static final Span[] NONE = new Span[0];

    /** A part of a word: its start and length. */
    public record Span(int start, int length) {
    }

    private final Set<String> domain;
    private final Set<String> general;
    private final Map<String, Span[]> cache = new ConcurrentHashMap<>();

    public Decompounder(Set<String> domain, Set<String> general) {
        this.domain = domain;
        this.general = general;
    }

    /** The parts of a folded lower-case word, at least two; empty when it is not a compound. */
    public List<Span> split(String word) {
        if (word.length() < MIN_WORD || word.length() > MAX_WORD) {
            return List.of();
        }
        Span[] spans = cache.get(word);
        if (spans == null) {
            spans = compute(word);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(word, spans);
            }
        }
        return List.of(spans);
    }

    /** The parts as words, or the word itself when it does not split. */
    public List<String> words(String word) {
        List<Span> spans = split(word);
        if (spans.isEmpty()) {
            return List.of(word);
        }
        return spans.stream().map(s -> word.substring(s.start(), s.start() + s.length())).toList();
    }

    private Span[] compute(String word) {
        boolean known = general.contains(word) || domain.contains(word);
        int n = word.length();
        // fewest[i]: fewest parts covering word[i..]; next[i], link[i]: the choice made
        int[] fewest = new int[n + 1];
        int[] partEnd = new int[n + 1];
        int[] resume = new int[n + 1];
        java.util.Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[n] = 0;
        for (int from = n - 1; from >= 0; from--) {
            for (int end = n; end >= from + MIN_DOMAIN_PART; end--) {
                if (from == 0 && end == n) {
                    continue;
                }
                if (!allowed(word.substring(from, end), known)) {
                    continue;
                }
                for (String link : LINKS) {
                    int next = end + link.length();
                    if (next <= n && word.startsWith(link, end) && fewest[next] != Integer.MAX_VALUE
                            && (next < n || link.isEmpty()) && fewest[next] + 1 < fewest[from]) {
                        fewest[from] = fewest[next] + 1;
                        partEnd[from] = end;
                        resume[from] = next;
                    }
                }
            }
        }
        if (fewest[0] == Integer.MAX_VALUE || fewest[0] < 2) {
            return NONE;
        }
        List<Span> spans = new ArrayList<>();
        for (int at = 0; at < n; at = resume[at]) {
            spans.add(new Span(at, partEnd[at] - at));
        }
        return spans.toArray(NONE);
    }

    private boolean allowed(String part, boolean partOfKnownWord) {
        if (domain.contains(part)) {
            return true;
        }
        int minimum = partOfKnownWord ? MIN_PART_OF_KNOWN_WORD : MIN_GENERAL_PART;
        return part.length() >= minimum && general.contains(part);
    }
}
